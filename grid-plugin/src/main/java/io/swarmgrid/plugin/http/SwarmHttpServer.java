package io.swarmgrid.plugin.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.http.internal.DashboardFeed;
import io.swarmgrid.plugin.http.internal.ErrorBodies;
import io.swarmgrid.plugin.http.internal.LocalNodes;
import io.swarmgrid.plugin.http.internal.MemberMeters;
import io.swarmgrid.plugin.http.internal.OpenApi;
import io.swarmgrid.plugin.http.internal.Readiness;
import io.swarmgrid.plugin.http.internal.RouteSpec;
import io.swarmgrid.plugin.http.internal.RouteTable;
import io.swarmgrid.plugin.http.internal.StaticAssets;
import io.swarmgrid.plugin.http.internal.TokenGate;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of one member ({@code swarmgrid.http.enabled}), started and stopped with the
 * plugin:
 *
 * <ul>
 *   <li>{@code /api/v1/...}: the routes of every {@link ApiRoutes} on the class path, JSON through
 *       Jackson, {@code Authorization: Bearer TOKEN} required;
 *   <li>{@code /openapi.json}: their description;
 *   <li>{@code /health/live} and {@code /health/ready} (no token): 200 or 503 with the checks;
 *   <li>{@code /metrics}: every meter of the member in Prometheus text format (token required);
 *   <li>{@code /?token=TOKEN}: the dashboard, fed by {@code /api/v1/events} (server-sent events).
 * </ul>
 *
 * Bodies over {@code http.max-body-bytes} are refused with 413; errors are JSON naming the field
 * and the value.
 */
public final class SwarmHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SwarmHttpServer.class);

  private final HazelcastInstance hz;
  private final SwarmGridConfig config;
  private final ObjectMapper json = ErrorBodies.mapper();
  private final TokenGate gate;
  private final Readiness readiness;
  private final PrometheusMeterRegistry meters;
  private final DashboardFeed feed;
  private final AutoCloseable memberMeters;
  private final LocalNodes nodes;
  private final Javalin app;

  /**
   * Starts the server on {@code http.port} (0: any free port).
   *
   * @param hz the member
   * @param config its SwarmGrid config, with {@code http.enabled}
   * @param meters the member's registry, scraped by {@code /metrics}; the JVM's and Hazelcast's
   *     member meters are bound to it while the server runs
   * @param enginesStarted whether SwarmGrid's start finished (for readiness)
   */
  public SwarmHttpServer(
      HazelcastInstance hz,
      SwarmGridConfig config,
      PrometheusMeterRegistry meters,
      BooleanSupplier enginesStarted) {
    this.hz = Objects.requireNonNull(hz, "hz");
    this.config = Objects.requireNonNull(config, "config");
    if (!config.http().enabled()) {
      throw new IllegalArgumentException("http.enabled is false");
    }
    this.meters = Objects.requireNonNull(meters, "meters");
    this.memberMeters = MemberMeters.bind(meters, hz);
    this.gate = new TokenGate(config.http().token());
    this.readiness = new Readiness(hz, enginesStarted);
    RouteTable routes = RouteTable.load();
    byte[] openApi = OpenApi.render(routes.routes(), json);
    this.feed = new DashboardFeed(hz, json);
    // The node list routes read this member's copy of the registry, not the partitions.
    this.nodes = LocalNodes.start(hz);
    SwarmServices.of(hz).put(LocalNodes.class, nodes);
    this.app =
        Javalin.create(
                c -> {
                  c.startup.showJavalinBanner = false;
                  c.startup.showOldJavalinVersionWarning = false;
                  c.jetty.port = config.http().port();
                  c.http.maxRequestSize = config.http().maxBodyBytes();
                  c.routes.before("/api/*", this::apiGate);
                  c.routes.before("/metrics", gate::requireHeader);
                  c.routes.get("/health/live", this::live);
                  c.routes.get("/health/ready", this::ready);
                  c.routes.get("/openapi.json", ctx -> jsonBytes(ctx, 200, openApi));
                  c.routes.get("/metrics", this::scrape);
                  c.routes.sse(RouteTable.PREFIX + "/events", feed::join);
                  c.routes.get(
                      RouteTable.PREFIX + "/dashboard", ctx -> write(ctx, 200, feed.snapshot()));
                  for (RouteSpec r : routes.routes()) {
                    switch (r.method()) {
                      case "GET" -> c.routes.get(r.path(), ctx -> answer(ctx, r));
                      case "POST" -> c.routes.post(r.path(), ctx -> answer(ctx, r));
                      case "DELETE" -> c.routes.delete(r.path(), ctx -> answer(ctx, r));
                      default -> throw new IllegalStateException("method " + r.method());
                    }
                  }
                  StaticAssets.install(c, gate);
                  c.routes.exception(Exception.class, this::fail);
                  c.routes.exception(HttpResponseException.class, this::fail);
                  c.routes.error(404, this::notFound);
                })
            .start();
    LOG.info(
        "http: API, dashboard and metrics on port {} ({} API routes)",
        port(),
        routes.routes().size());
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** The dashboard's address on loopback with the token, as the demo prints it. */
  public String dashboardUrl() {
    return "http://127.0.0.1:" + port() + "/?token=" + config.http().token();
  }

  /** Stops the event feed and the server. */
  @Override
  public void close() {
    feed.close();
    app.stop();
    SwarmServices.of(hz).remove(LocalNodes.class, nodes);
    nodes.close();
    try {
      memberMeters.close();
    } catch (Exception e) {
      LOG.debug("closing the JVM GC meters failed", e);
    }
  }

  private void apiGate(Context ctx) {
    if (ctx.path().equals(RouteTable.PREFIX + "/events")) {
      gate.requireHeaderOrQuery(ctx);
    } else {
      gate.requireHeader(ctx);
    }
  }

  private void answer(Context ctx, RouteSpec route) throws Exception {
    Object out = route.handler().handle(new ApiRequest(ctx, hz, config, json));
    if (out instanceof ApiResponse r) {
      write(ctx, r.status(), r.body());
    } else {
      write(ctx, 200, out);
    }
  }

  private void live(Context ctx) {
    boolean up = hz.getLifecycleService().isRunning();
    write(ctx, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"));
  }

  private void ready(Context ctx) {
    Map<String, Object> checks = readiness.checks();
    boolean ok = Readiness.ready(checks);
    write(ctx, ok ? 200 : 503, Map.of("status", ok ? "UP" : "DOWN", "checks", checks));
  }

  private void scrape(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(meters.scrape());
  }

  private void fail(Exception e, Context ctx) {
    if (e instanceof HttpResponseException h && h.getStatus() == 401) {
      ctx.status(401).result("");
      return;
    }
    if (e instanceof io.javalin.http.NotFoundResponse) {
      notFound(ctx.result(""));
      return;
    }
    ErrorBodies.Error error = ErrorBodies.of(e, ctx);
    if (error.status() >= 500) {
      LOG.warn("http: {} {} failed", ctx.method(), ctx.path(), e);
    }
    write(ctx, error.status(), error);
  }

  private void notFound(Context ctx) {
    String result = ctx.result();
    if (result == null || result.isEmpty() || !result.startsWith("{")) {
      write(
          ctx,
          404,
          new ErrorBodies.Error(
              404, "path", ctx.path(), "path: '" + ctx.path() + "' is not a route"));
    }
  }

  private void write(Context ctx, int status, Object body) {
    try {
      jsonBytes(ctx, status, json.writeValueAsBytes(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the answer as JSON: " + e.getMessage(), e);
    }
  }

  private static void jsonBytes(Context ctx, int status, byte[] body) {
    ctx.status(status).contentType("application/json").result(body);
  }
}
