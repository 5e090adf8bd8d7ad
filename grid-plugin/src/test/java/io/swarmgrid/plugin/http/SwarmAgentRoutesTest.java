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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Adding, pausing, resuming and removing swarm agents through the HTTP API (issue 13's list). */
class SwarmAgentRoutesTest {
  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(1)
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("swarm-http")
                                  .keyFile(keyDir() + "/{node-id}.key")
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.SWARM)))
                          .http(
                              HttpConfig.custom()
                                  .enabled(true)
                                  .port(HttpTestCluster.HTTP_BASE + 30)
                                  .token(HttpTestCluster.TOKEN)
                                  .build())
                          .build()));

  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();
  static String base;

  private static String keyDir() {
    try {
      return Files.createTempDirectory("swarmgrid-swarm-http-keys").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void serverUp() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> SwarmGrid.service(cluster.member(0), SwarmHttpServer.class).isPresent());
    base =
        "http://127.0.0.1:"
            + SwarmGrid.service(cluster.member(0), SwarmHttpServer.class).orElseThrow().port();
  }

  @Test
  void agent_isAdded_paused_resumed_andRemoved_throughTheApi() throws Exception {
    HttpResponse<String> added =
        send(
            "POST",
            "/api/v1/swarm/agents",
            "{\"name\":\"c1\",\"type\":\"counter\",\"dataKey\":\"k1\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    String id = json.readTree(added.body()).get("agentId").asText();
    assertThat(id).isEqualTo("c1@k1");
    assertThat(read(id).get("type").asText()).isEqualTo("counter");

    JsonNode paused =
        json.readTree(send("POST", "/api/v1/swarm/agents/" + id + "/pause", "{}").body());
    assertThat(paused.get("status").asText()).isEqualTo("PAUSED");
    JsonNode resumed =
        json.readTree(send("POST", "/api/v1/swarm/agents/" + id + "/resume", "{}").body());
    assertThat(resumed.get("status").asText()).isNotEqualTo("PAUSED");

    HttpResponse<String> removed = send("DELETE", "/api/v1/swarm/agents/" + id, null);
    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/swarm/agents/" + id, null).statusCode()).isEqualTo(404);
    assertThat(send("DELETE", "/api/v1/swarm/agents/" + id, null).statusCode()).isEqualTo(404);
  }

  @Test
  void badAgents_areRefusedNamingTheField_andNothingIsStored() throws Exception {
    int before =
        json.readTree(send("GET", "/api/v1/swarm/agents", null).body()).get("total").asInt();

    HttpResponse<String> unknownType =
        send("POST", "/api/v1/swarm/agents", "{\"name\":\"x\",\"type\":\"no-such-type\"}");
    assertThat(unknownType.statusCode()).isEqualTo(400);
    assertThat(json.readTree(unknownType.body()).get("field").asText()).isEqualTo("type");
    assertThat(json.readTree(unknownType.body()).get("value").asText()).isEqualTo("no-such-type");

    HttpResponse<String> noName = send("POST", "/api/v1/swarm/agents", "{\"type\":\"counter\"}");
    assertThat(noName.statusCode()).isEqualTo(400);
    assertThat(json.readTree(noName.body()).get("field").asText()).isEqualTo("name");

    HttpResponse<String> badMemory =
        send(
            "POST",
            "/api/v1/swarm/agents",
            "{\"name\":\"m\",\"type\":\"counter\",\"memoryLimit\":-1}");
    assertThat(badMemory.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badMemory.body()).get("error").asText()).contains("memoryLimit", "-1");

    assertThat(send("POST", "/api/v1/swarm/agents/nobody@k/pause", "{}").statusCode())
        .isEqualTo(404);
    assertThat(send("POST", "/api/v1/swarm/agents/nobody@k/resume", "{}").statusCode())
        .isEqualTo(404);
    assertThat(json.readTree(send("GET", "/api/v1/swarm/agents", null).body()).get("total").asInt())
        .isEqualTo(before);
  }

  private static JsonNode read(String id) throws Exception {
    HttpResponse<String> r = send("GET", "/api/v1/swarm/agents/" + id, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + HttpTestCluster.TOKEN)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
