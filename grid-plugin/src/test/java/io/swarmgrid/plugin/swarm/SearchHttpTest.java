package io.swarmgrid.plugin.swarm;

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
import io.swarmgrid.plugin.http.SwarmHttpServer;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Particle-swarm searches through the HTTP API of a member running the swarm engine. */
class SearchHttpTest {
  private static final String TOKEN = "search-token-0123456789abcdef";
  private static final int PORT = Integer.getInteger("swarmgrid.test.httpPort", 18300) + 60;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(1)
          .keep("swarm.nodes", "swarm.particle-swarms")
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("h" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.SWARM)))
                          .http(
                              HttpConfig.custom().enabled(true).port(PORT + i).token(TOKEN).build())
                          .build()));

  @Test
  void startWatchStop_andBadSearchesAre400NamingTheField() throws Exception {
    var m = cluster.member(0);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                SwarmGrid.service(m, SwarmHttpServer.class).isPresent()
                    && SwarmGrid.service(m, SwarmAgentEngine.class).isPresent());
    SwarmGrid.service(m, SwarmAgentEngine.class).orElseThrow().tickMillis(20);
    String base =
        "http://127.0.0.1:"
            + SwarmGrid.service(m, SwarmHttpServer.class).orElseThrow().port()
            + "/api/v1/swarm/searches";

    HttpResponse<String> started =
        send(
            "POST",
            base,
            "{\"swarmId\":\"web\",\"objective\":\"sphere\",\"lower\":-2,\"upper\":2,"
                + "\"dimension\":2,\"particles\":5,\"budget\":100,\"seed\":3}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    assertThat(JSON.readTree(started.body()).get("lower").asDouble()).isEqualTo(-2);

    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> JSON.readTree(send("GET", base + "/web", null).body()).get("done").asBoolean());
    JsonNode done = JSON.readTree(send("GET", base + "/web", null).body());
    assertThat(done.get("evaluations").asLong()).isGreaterThanOrEqualTo(100);
    assertThat(done.get("bestValue").asDouble()).isLessThan(0.5);
    assertThat(done.get("bestPosition")).hasSize(2);

    HttpResponse<String> unknown =
        send(
            "POST",
            base,
            "{\"swarmId\":\"x\",\"objective\":\"nope\",\"lower\":0,\"upper\":1,"
                + "\"dimension\":2,\"particles\":2,\"budget\":10}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("objective: 'nope' is not registered");
    HttpResponse<String> inverted =
        send(
            "POST",
            base,
            "{\"swarmId\":\"y\",\"objective\":\"sphere\",\"lower\":1,\"upper\":0,"
                + "\"dimension\":2,\"particles\":2,\"budget\":10}");
    assertThat(inverted.statusCode()).isEqualTo(400);
    assertThat(inverted.body()).contains("bounds: lower 1.0, upper 0.0");
    HttpResponse<String> noBudget =
        send(
            "POST",
            base,
            "{\"swarmId\":\"z\",\"objective\":\"sphere\",\"lower\":0,\"upper\":1,"
                + "\"dimension\":2,\"particles\":2,\"budget\":-1}");
    assertThat(noBudget.statusCode()).isEqualTo(400);
    assertThat(noBudget.body()).contains("budget: -1 must be above 0");
    assertThat(send("GET", base + "/x", null).statusCode()).isEqualTo(404);

    assertThat(send("DELETE", base + "/web", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", base + "/web", null).statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> send(String method, String url, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
