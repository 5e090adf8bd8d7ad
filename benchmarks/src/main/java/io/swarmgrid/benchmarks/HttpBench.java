package io.swarmgrid.benchmarks;

import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.config.BalanceConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.HttpConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.http.SwarmHttpServer;
import io.swarmgrid.storage.balance.TaskRequest;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./swarmgrid bench http}: the HTTP API against the Java client, same cluster, same run: a
 * read of the node list ({@code GET /api/v1/nodes} vs {@code SwarmClient.nodes()}) and a task
 * submission ({@code POST /api/v1/tasks} vs {@code balance().submit}), each from 8 threads on 3
 * members in this JVM; and how long a {@code /metrics} scrape takes on a member while the HTTP load
 * runs.
 */
final class HttpBench {
  private static final String TOKEN = "bench-token-0123456789";
  private static final int THREADS = 8;

  private HttpBench() {}

  static String run(boolean quick) throws Exception {
    int threads = THREADS;
    double warmup = quick ? 2 : 5;
    double seconds = quick ? 8 : 20;
    int basePort = Integer.getInteger("swarmgrid.bench.basePort", 5791);
    try (LocalCluster cluster =
            LocalCluster.start("swarmgrid-bench-http", basePort, 3, HttpBench::config);
        SwarmClient client =
            SwarmClient.connect(
                SwarmClientConfig.of(
                    "swarmgrid-bench-http", cluster.addresses().toArray(String[]::new)))) {
      SwarmHttpServer server =
          SwarmGrid.service(cluster.members().get(0), SwarmHttpServer.class).orElseThrow();
      String base = "http://127.0.0.1:" + server.port();
      // HTTP/1.1 as curl or a Prometheus scraper speaks it: by default the JDK client asks every
      // plain-HTTP request to upgrade to h2c (two more headers the server parses and refuses).
      // Responses are completed on the client's selector thread, not handed to a pool thread
      // first: one thread hand-over less per call, as a caller in its own process would not pay.
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Runnable::run)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      HttpRequest nodes =
          HttpRequest.newBuilder(URI.create(base + "/api/v1/nodes"))
              .header("Authorization", "Bearer " + TOKEN)
              .build();
      String body = "{\"type\":\"bench\",\"estimatedMillis\":1,\"dataKey\":\"k-%d\"}";
      System.err.printf("http: 3 members, %d threads, %.0f s each run%n", threads, seconds);

      CostedRun clientRead = costed("client-read", warmup, seconds, (t, i) -> client.nodes());
      CostedRun httpRead =
          costed(
              "http-read",
              warmup,
              seconds,
              (t, i) -> expect(http.send(nodes, HttpResponse.BodyHandlers.ofString()), 200));
      // Each submit run starts from an empty queue: queued tasks make every sweep slower.
      client.hazelcast().getMap("swarm.tasks").clear();
      CostedRun clientSubmit =
          costed(
              "client-submit",
              warmup,
              seconds,
              (t, i) ->
                  client.balance().submit(TaskRequest.of("bench", 1).onData("k-" + (i % 1000))));
      List<Double> scrapes = new ArrayList<>();
      AtomicBoolean loading = new AtomicBoolean(true);
      Thread scraper =
          SwarmThreads.start("bench-scraper", () -> scrape(http, base, loading, scrapes));
      client.hazelcast().getMap("swarm.tasks").clear();
      CostedRun httpSubmit;
      try {
        httpSubmit =
            costed(
                "http-submit",
                warmup,
                seconds,
                (t, i) ->
                    expect(
                        http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/tasks"))
                                .header("Authorization", "Bearer " + TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                        String.format(body, i % 1000)))
                                .build(),
                            HttpResponse.BodyHandlers.ofString()),
                        201));
      } finally {
        loading.set(false);
        scraper.join();
      }
      for (CostedRun c : List.of(clientRead, httpRead, clientSubmit, httpSubmit)) {
        LoadRun.Result r = c.load();
        System.err.printf(
            "  %-14s %8.0f ops/s  p50 %.2f ms  p99 %.2f ms  members' CPU %.0f us/op%n",
            r.name(), r.opsPerSecond(), r.p50Millis(), r.p99Millis(), c.memberCpuMicrosPerOp());
      }
      scrapes.sort(null);
      double scrapeMs = scrapes.isEmpty() ? -1 : scrapes.get(scrapes.size() / 2);
      double scrapeMax = scrapes.isEmpty() ? -1 : scrapes.get(scrapes.size() - 1);
      double readRatio = httpRead.load().opsPerSecond() / clientRead.load().opsPerSecond();
      double submitRatio = httpSubmit.load().opsPerSecond() / clientSubmit.load().opsPerSecond();
      // The same ratio from the members' CPU per call: what the API costs the cluster.
      double readCpuRatio = clientRead.memberCpuMicrosPerOp() / httpRead.memberCpuMicrosPerOp();
      double submitCpuRatio =
          clientSubmit.memberCpuMicrosPerOp() / httpSubmit.memberCpuMicrosPerOp();
      return String.format(
          "BENCH http ratio=%.2f read_ratio=%.2f submit_ratio=%.2f http_read_ops_per_s=%.0f"
              + " client_read_ops_per_s=%.0f http_submit_ops_per_s=%.0f"
              + " client_submit_ops_per_s=%.0f http_submit_p99_ms=%.2f scrape_ms=%.1f"
              + " scrape_max_ms=%.1f scrapes=%d member_cpu_ratio=%.2f read_member_cpu_ratio=%.2f"
              + " submit_member_cpu_ratio=%.2f http_read_member_cpu_us=%.0f"
              + " client_read_member_cpu_us=%.0f http_submit_member_cpu_us=%.0f"
              + " client_submit_member_cpu_us=%.0f threads=%d seconds=%.0f",
          Math.sqrt(readRatio * submitRatio),
          readRatio,
          submitRatio,
          httpRead.load().opsPerSecond(),
          clientRead.load().opsPerSecond(),
          httpSubmit.load().opsPerSecond(),
          clientSubmit.load().opsPerSecond(),
          httpSubmit.load().p99Millis(),
          scrapeMs,
          scrapeMax,
          scrapes.size(),
          Math.sqrt(readCpuRatio * submitCpuRatio),
          readCpuRatio,
          submitCpuRatio,
          httpRead.memberCpuMicrosPerOp(),
          clientRead.memberCpuMicrosPerOp(),
          httpSubmit.memberCpuMicrosPerOp(),
          clientSubmit.memberCpuMicrosPerOp(),
          threads,
          seconds);
    }
  }

  private static CostedRun costed(String name, double warmup, double seconds, LoadRun.Op op)
      throws InterruptedException {
    return CostedRun.run(name, THREADS, warmup, seconds, HttpBench::callerSide, op);
  }

  /** The callers' threads: the load's, the JDK HTTP client's and the Hazelcast client's. */
  private static boolean callerSide(String thread) {
    return thread.startsWith("bench-")
        || thread.startsWith("HttpClient-")
        || thread.contains(".client_");
  }

  private static SwarmGridConfig config(int i) {
    return SwarmGridConfig.custom()
        .node(
            NodeConfig.custom()
                .id("bench-" + i)
                .keyFile(".swarmgrid/bench-keys/{node-id}.key")
                .build())
        .engines(EnginesConfig.of(EnumSet.of(EngineKind.BALANCE)))
        // The submit paths hold every task they submit (nothing runs them): on a quiet machine a
        // full run submits more than the default bound of 100,000.
        .balance(BalanceConfig.custom().maxTasks(2_000_000).build())
        .http(HttpConfig.custom().enabled(true).port(0).token(TOKEN).build())
        .build();
  }

  private static void scrape(
      HttpClient http, String base, AtomicBoolean loading, List<Double> took) {
    HttpRequest metrics =
        HttpRequest.newBuilder(URI.create(base + "/metrics"))
            .header("Authorization", "Bearer " + TOKEN)
            .build();
    while (loading.get()) {
      try {
        long t0 = System.nanoTime();
        expect(http.send(metrics, HttpResponse.BodyHandlers.ofString()), 200);
        took.add((System.nanoTime() - t0) / 1e6);
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        throw new IllegalStateException("scrape failed: " + e.getMessage(), e);
      }
    }
  }

  private static void expect(HttpResponse<String> r, int status) {
    if (r.statusCode() != status) {
      throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
    }
  }
}
