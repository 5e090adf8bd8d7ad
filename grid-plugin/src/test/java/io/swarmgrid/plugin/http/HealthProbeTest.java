package io.swarmgrid.plugin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.HttpConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One member of a cluster configured for 3 CP members: it is live, but not ready, because its CP
 * Subsystem cannot form; the probe says which check failed.
 */
class HealthProbeTest {
  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(1)
          .cpMembers(3)
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("lonely")
                                  .keyFile(keyDir() + "/{node-id}.key")
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.FAULT)))
                          .http(
                              HttpConfig.custom()
                                  .enabled(true)
                                  .port(HttpTestCluster.HTTP_BASE + 20)
                                  .token(HttpTestCluster.TOKEN)
                                  .build())
                          .build()));

  private static String keyDir() {
    try {
      return Files.createTempDirectory("swarmgrid-health-keys").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void withoutItsCpGroup_theMemberIsLive_butNotReady() throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> SwarmGrid.service(cluster.member(0), SwarmHttpServer.class).isPresent());
    int port = SwarmGrid.service(cluster.member(0), SwarmHttpServer.class).orElseThrow().port();
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                get(http, port, "/health/ready").statusCode() == 503
                    && body(get(http, port, "/health/ready"))
                        .get("checks")
                        .get("engines")
                        .asBoolean());

    HttpResponse<String> live = get(http, port, "/health/live");
    assertThat(live.statusCode()).isEqualTo(200);
    HttpResponse<String> ready = get(http, port, "/health/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    JsonNode checks = body(ready).get("checks");
    assertThat(body(ready).get("status").asText()).isEqualTo("DOWN");
    assertThat(checks.get("joined").asBoolean()).isTrue();
    assertThat(checks.get("engines").asBoolean()).isTrue();
    assertThat(checks.get("cp").asBoolean()).isFalse();
  }

  private static JsonNode body(HttpResponse<String> r) throws IOException {
    return new ObjectMapper().readTree(r.body());
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
