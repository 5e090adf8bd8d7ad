package io.swarmgrid.plugin.learning.internal;

/**
 * A round attempt that cannot complete (a member left, an update is missing): run a new attempt.
 */
final class RetryRound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RetryRound(String message, Throwable cause) {
    super(message, cause);
  }
}
