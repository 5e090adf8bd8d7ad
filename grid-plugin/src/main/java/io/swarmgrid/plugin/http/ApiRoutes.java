package io.swarmgrid.plugin.http;

/**
 * The HTTP routes of one feature. Implementations are found with {@link java.util.ServiceLoader}: a
 * jar that adds routes lists the class in {@code
 * META-INF/services/io.swarmgrid.plugin.http.ApiRoutes}. Routes are registered once, when the
 * server starts; a handler looks its engine up per request ({@link ApiRequest#service}), so a route
 * of an engine that is off answers 503 naming the engine.
 */
public interface ApiRoutes {
  /** Adds this feature's routes. */
  void register(ApiRouter router);
}
