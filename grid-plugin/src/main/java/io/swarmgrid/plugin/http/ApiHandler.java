package io.swarmgrid.plugin.http;

/** Answers one API request; the value returned is written as JSON. */
@FunctionalInterface
public interface ApiHandler {
  /**
   * The answer; throw {@link ApiException} for a client error, {@link IllegalArgumentException}
   * with a message naming the field and value for bad input (400).
   */
  Object handle(ApiRequest request) throws Exception;
}
