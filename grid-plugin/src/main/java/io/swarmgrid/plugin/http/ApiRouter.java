package io.swarmgrid.plugin.http;

/**
 * Where a feature adds its routes. Paths are under {@code /api/v1} ({@code "/tasks/{id}"} serves
 * {@code /api/v1/tasks/{id}}), need the bearer token, and appear in {@code /openapi.json} with
 * their tag and summary.
 */
public interface ApiRouter {
  /** A read route answering 200 with the handler's value as JSON. */
  ApiRouter get(String path, String tag, String summary, ApiHandler handler);

  /**
   * An act route answering with the handler's value as JSON (200, or the status of an {@link
   * ApiResponse}); {@code bodyExample} is shown in the OpenAPI description.
   */
  ApiRouter post(String path, String tag, String summary, String bodyExample, ApiHandler handler);

  /** A route that removes something, answering with the handler's value as JSON. */
  ApiRouter delete(String path, String tag, String summary, ApiHandler handler);
}
