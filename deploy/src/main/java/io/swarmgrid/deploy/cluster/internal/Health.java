package io.swarmgrid.deploy.cluster.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What a node's HTTP server answers on a health probe (no token needed): {@code /health/live} is
 * 200 while its member runs, {@code /health/ready} only once its member has joined, CP is up and
 * the engines have started (the live probe answers while the engines are still starting).
 *
 * @param status the HTTP status, or 0 when nothing answered
 * @param error why nothing answered, or empty
 */
public record Health(int status, String error) {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Asks {@code node}'s {@code /health/live}, waiting at most 2 s. */
  public static Health live(NodeState node) {
    return ask(node, "/health/live");
  }

  /** Asks {@code node}'s {@code /health/ready}, waiting at most 2 s. */
  public static Health ready(NodeState node) {
    return ask(node, "/health/ready");
  }

  private static Health ask(NodeState node, String path) {
    if (node.httpPort() == 0) {
      return new Health(0, "no HTTP port");
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(node.httpUrl() + path))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    try {
      return new Health(
          HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), "");
    } catch (IOException e) {
      return new Health(0, e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Health(0, "interrupted");
    }
  }

  /** Whether it answered 200. */
  public boolean up() {
    return status == 200;
  }

  /** For the table: {@code up}, {@code 503}, or {@code no answer}. */
  public String text() {
    if (up()) {
      return "up";
    }
    return status == 0 ? "no answer" : Integer.toString(status);
  }
}
