package io.swarmgrid.plugin.http.internal;

import io.swarmgrid.plugin.http.ApiHandler;
import io.swarmgrid.plugin.http.ApiRouter;
import io.swarmgrid.plugin.http.ApiRoutes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/** The API routes of every feature on the class path, collected once when the server starts. */
public final class RouteTable implements ApiRouter {
  /** Where every API route lives. */
  public static final String PREFIX = "/api/v1";

  private final List<RouteSpec> routes = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();

  /** The routes of every {@link ApiRoutes} that {@link ServiceLoader} finds. */
  public static RouteTable load() {
    RouteTable table = new RouteTable();
    ServiceLoader.load(ApiRoutes.class, RouteTable.class.getClassLoader())
        .forEach(r -> r.register(table));
    return table;
  }

  /** The routes, in registration order. */
  public List<RouteSpec> routes() {
    return List.copyOf(routes);
  }

  @Override
  public ApiRouter get(String path, String tag, String summary, ApiHandler handler) {
    return add("GET", path, tag, summary, null, handler);
  }

  @Override
  public ApiRouter post(
      String path, String tag, String summary, String bodyExample, ApiHandler handler) {
    return add("POST", path, tag, summary, bodyExample, handler);
  }

  @Override
  public ApiRouter delete(String path, String tag, String summary, ApiHandler handler) {
    return add("DELETE", path, tag, summary, null, handler);
  }

  private ApiRouter add(
      String method,
      String path,
      String tag,
      String summary,
      String bodyExample,
      ApiHandler handler) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path: '" + path + "' must start with /");
    }
    String full = PREFIX + path;
    if (!seen.add(method + " " + full)) {
      throw new IllegalStateException("two API routes for " + method + " " + full);
    }
    routes.add(new RouteSpec(method, full, tag, summary, bodyExample, handler));
    return this;
  }
}
