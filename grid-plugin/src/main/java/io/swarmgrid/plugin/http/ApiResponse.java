package io.swarmgrid.plugin.http;

/**
 * A handler's answer with a status other than 200 (201 created, 202 accepted).
 *
 * @param status the HTTP status
 * @param body what is written as JSON
 */
public record ApiResponse(int status, Object body) {
  /** 201 with {@code body}. */
  public static ApiResponse created(Object body) {
    return new ApiResponse(201, body);
  }

  /** 202 with {@code body}. */
  public static ApiResponse accepted(Object body) {
    return new ApiResponse(202, body);
  }
}
