package io.swarmgrid.plugin.http.internal;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The dashboard's files, read from the member jar ({@code swarmgrid-dashboard/}) once. The page
 * itself needs the token ({@code /?token=...}); its script and style hold no data and are served to
 * anyone.
 */
public final class StaticAssets {
  private static final String ROOT = "swarmgrid-dashboard/";
  private static final Map<String, String> FILES =
      Map.of(
          "/dashboard/app.js", "text/javascript; charset=utf-8",
          "/dashboard/app.css", "text/css; charset=utf-8");

  private StaticAssets() {}

  /** Adds the page at {@code /} behind {@code gate} and its files under {@code /dashboard/}. */
  public static void install(JavalinConfig c, TokenGate gate) {
    byte[] index = read("index.html");
    c.routes.get(
        "/",
        ctx -> {
          gate.requireHeaderOrQuery(ctx);
          ctx.header("Cache-Control", "no-store")
              .header("Referrer-Policy", "no-referrer")
              .contentType("text/html; charset=utf-8")
              .result(index);
        });
    FILES.forEach(
        (path, type) -> {
          byte[] body = read(path.substring("/dashboard/".length()));
          c.routes.get(path, ctx -> ctx.contentType(type).result(body));
        });
  }

  private static byte[] read(String name) {
    try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException(ROOT + name + " is missing from the member jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
