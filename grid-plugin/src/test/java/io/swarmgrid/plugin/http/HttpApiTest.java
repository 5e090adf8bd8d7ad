package io.swarmgrid.plugin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP API of a real 3-member cluster, through real HTTP calls. */
class HttpApiTest {

  @RegisterExtension static final EmbeddedCluster cluster = HttpTestCluster.of(3, 0, keys());

  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();
  static String base;

  // @TempDir is not yet set when the extension field is built; the keys go to a fresh temp dir.
  private static Path keys() {
    try {
      return java.nio.file.Files.createTempDirectory("swarmgrid-http-keys");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void serverUp() {
    HazelcastInstance m = cluster.member(0);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> SwarmGrid.service(m, SwarmHttpServer.class).isPresent());
    base = "http://127.0.0.1:" + SwarmGrid.service(m, SwarmHttpServer.class).orElseThrow().port();
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> get("/health/ready", null).statusCode() == 200);
  }

  @Test
  void health_needsNoToken_andReadySaysEveryCheck() throws Exception {
    HttpResponse<String> live = get("/health/live", null);
    assertThat(live.statusCode()).isEqualTo(200);
    JsonNode ready = json.readTree(get("/health/ready", null).body());
    assertThat(ready.get("status").asText()).isEqualTo("UP");
    assertThat(ready.get("checks").get("joined").asBoolean()).isTrue();
    assertThat(ready.get("checks").get("cp").asBoolean()).isTrue();
    assertThat(ready.get("checks").get("engines").asBoolean()).isTrue();
  }

  @Test
  void noToken_orWrongToken_is401WithNoDetail() throws Exception {
    for (String path : List.of("/api/v1/nodes", "/metrics", "/api/v1/no-such-route", "/")) {
      HttpResponse<String> none = get(path, null);
      assertThat(none.statusCode()).as(path).isEqualTo(401);
      assertThat(none.body()).as(path).isEmpty();
      HttpResponse<String> wrong = get(path, "not-the-token");
      assertThat(wrong.statusCode()).as(path).isEqualTo(401);
      assertThat(wrong.body()).as(path).isEmpty();
    }
    HttpResponse<String> post =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/tasks"))
                .header("Authorization", "Bearer " + HttpTestCluster.TOKEN + "x")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"t\"}")));
    assertThat(post.statusCode()).isEqualTo(401);
  }

  @Test
  void everyReadRoute_answersJson_andUnknownIdsAre404NamingTheId() throws Exception {
    JsonNode paths = json.readTree(get("/openapi.json", null).body()).get("paths");
    List<String> checked = new ArrayList<>();
    for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
      String path = it.next();
      if (!paths.get(path).has("get") || !path.startsWith("/api/") || path.endsWith("/events")) {
        continue;
      }
      if (path.contains("{")) {
        String unknown = path.replaceAll("\\{[^}]+}", "no-such-id");
        HttpResponse<String> r = get(unknown, HttpTestCluster.TOKEN);
        if (path.endsWith("/patterns/{swarm}")) {
          assertThat(r.statusCode()).as(unknown).isEqualTo(200);
        } else {
          assertThat(r.statusCode()).as(unknown).isEqualTo(404);
          JsonNode error = json.readTree(r.body());
          assertThat(error.get("value").asText()).as(unknown).isEqualTo("no-such-id");
          assertThat(error.get("error").asText()).as(unknown).contains("no-such-id");
        }
      } else {
        HttpResponse<String> r = get(path, HttpTestCluster.TOKEN);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("json");
        json.readTree(r.body());
      }
      checked.add(path);
    }
    assertThat(checked)
        .contains(
            "/api/v1/nodes",
            "/api/v1/members",
            "/api/v1/cp-members",
            "/api/v1/engines",
            "/api/v1/decisions",
            "/api/v1/reputations",
            "/api/v1/evidence",
            "/api/v1/quarantine",
            "/api/v1/breakers",
            "/api/v1/recovery-events",
            "/api/v1/tasks",
            "/api/v1/balance/stats",
            "/api/v1/regions",
            "/api/v1/regions/links",
            "/api/v1/diffusion/topology",
            "/api/v1/diffusion/tasks",
            "/api/v1/swarm/agents",
            "/api/v1/swarm/trails");
  }

  @Test
  void nodes_listsEveryMembersNode_inPages() throws Exception {
    JsonNode all = api("/api/v1/nodes?status=active");
    List<String> ids = new ArrayList<>();
    all.get("items").forEach(n -> ids.add(n.get("nodeId").asText()));
    assertThat(ids).contains("n0", "n1", "n2");
    JsonNode first = api("/api/v1/nodes?limit=1");
    assertThat(first.get("items")).hasSize(1);
    assertThat(first.get("next").asInt()).isEqualTo(1);
    assertThat(api("/api/v1/nodes/n1").get("nodeId").asText()).isEqualTo("n1");

    HttpResponse<String> tooMany = get("/api/v1/nodes?limit=51", HttpTestCluster.TOKEN);
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(json.readTree(tooMany.body()).get("field").asText()).isEqualTo("limit");
    assertThat(json.readTree(tooMany.body()).get("value").asText()).isEqualTo("51");
    HttpResponse<String> badStatus = get("/api/v1/nodes?status=sleeping", HttpTestCluster.TOKEN);
    assertThat(badStatus.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badStatus.body()).get("value").asText()).isEqualTo("sleeping");
  }

  @Test
  void theNodeList_followsARegistrationMadeOnAnotherMember_untilItIsRemoved() throws Exception {
    // Member 0 serves the list from its own copy of the registry; the writes go through member 2.
    NodeRegistry elsewhere = new NodeRegistry(cluster.member(2));
    NodeInfo n2 = elsewhere.get("n2").orElseThrow();
    String id = "http-follow-1";
    elsewhere.register(
        new NodeInfo(
            id,
            "eu",
            n2.tier(),
            List.of(),
            n2.capacity(),
            n2.publicKey(),
            NodeStatus.ACTIVE,
            n2.memberUuid(),
            "",
            List.of(),
            "test",
            1,
            1));
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                HttpResponse<String> r = get("/api/v1/nodes/" + id, HttpTestCluster.TOKEN);
                return r.statusCode() == 200
                    && json.readTree(r.body()).get("status").asText().equals("ACTIVE");
              });
      elsewhere.markGone(id, 2, 3600);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> api("/api/v1/nodes/" + id).get("status").asText().equals("GONE"));
      List<String> active = new ArrayList<>();
      api("/api/v1/nodes?status=active")
          .get("items")
          .forEach(n -> active.add(n.get("nodeId").asText()));
      assertThat(active).doesNotContain(id);
    } finally {
      cluster.member(2).getMap(SwarmMap.NODES.mapName()).delete(id);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get("/api/v1/nodes/" + id, HttpTestCluster.TOKEN).statusCode() == 404);
  }

  @Test
  void badJson_unknownField_badValue_areRefusedNamingTheField() throws Exception {
    int tasksBefore = api("/api/v1/tasks").get("total").asInt();
    HttpResponse<String> malformed = post("/api/v1/tasks", "{\"type\": ");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json.readTree(malformed.body()).get("field").asText()).isEqualTo("body");

    HttpResponse<String> notObject = post("/api/v1/tasks", "[1,2]");
    assertThat(notObject.statusCode()).isEqualTo(400);

    HttpResponse<String> unknown = post("/api/v1/tasks", "{\"type\":\"t\",\"colour\":\"blue\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json.readTree(unknown.body()).get("field").asText()).isEqualTo("colour");

    HttpResponse<String> wrongType =
        post("/api/v1/tasks", "{\"type\":\"t\",\"estimatedMillis\":\"soon\"}");
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(json.readTree(wrongType.body()).get("field").asText()).isEqualTo("estimatedMillis");

    HttpResponse<String> badValue = post("/api/v1/tasks", "{\"type\":\"t\",\"priority\":5000}");
    assertThat(badValue.statusCode()).isEqualTo(400);
    JsonNode error = json.readTree(badValue.body());
    assertThat(error.get("error").asText()).contains("priority", "5000");

    HttpResponse<String> badWorkload =
        post("/api/v1/diffusion/tasks", "{\"workload\":\"no-such\",\"text\":\"x\"}");
    assertThat(badWorkload.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badWorkload.body()).get("error").asText()).contains("no-such");
    assertThat(api("/api/v1/tasks").get("total").asInt()).isEqualTo(tasksBefore);
  }

  @Test
  void propagationAndLearningRoutes_actAndRefuseBadInputNamingTheField() throws Exception {
    HttpResponse<String> declared =
        post(
            "/api/v1/propagation/interests",
            "{\"state\":\"model/weights\",\"node\":\"edge-http\",\"level\":\"low\"}");
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api("/api/v1/propagation/interests").toString().contains("edge-http"));

    HttpResponse<String> badLevel =
        post(
            "/api/v1/propagation/interests",
            "{\"state\":\"model/weights\",\"node\":\"edge-http\",\"level\":\"loud\"}");
    assertThat(badLevel.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badLevel.body()).get("error").asText()).contains("level", "loud");

    HttpResponse<String> badBudget =
        post("/api/v1/propagation/budgets", "{\"node\":\"edge-http\",\"bytesPerSecond\":-5}");
    assertThat(badBudget.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badBudget.body()).get("error").asText()).contains("-5");

    int jobsBefore = api("/api/v1/learning/jobs").get("total").asInt();
    HttpResponse<String> noData =
        post("/api/v1/learning/jobs", "{\"dataName\":\"nothing-here\",\"testName\":\"t\"}");
    assertThat(noData.statusCode()).isEqualTo(400);
    assertThat(json.readTree(noData.body()).get("error").asText())
        .contains("dataName", "nothing-here");
    HttpResponse<String> badRule =
        post(
            "/api/v1/learning/jobs",
            "{\"dataName\":\"d\",\"testName\":\"t\",\"rule\":\"average\"}");
    assertThat(badRule.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badRule.body()).get("field").asText()).isEqualTo("rule");
    assertThat(api("/api/v1/learning/jobs").get("total").asInt()).isEqualTo(jobsBefore);
    assertThat(post("/api/v1/learning/jobs/no-such-job/stop", "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void oversizedBody_is413() throws Exception {
    String big = "{\"type\":\"t\",\"input\":\"" + "x".repeat(10_000) + "\"}";
    HttpResponse<String> r = post("/api/v1/tasks", big);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(json.readTree(r.body()).get("field").asText()).isEqualTo("body");
  }

  @Test
  void aBodyWithoutALength_isReadToo_andRefusedWhenOversized() throws Exception {
    // The JDK client sends an input stream chunked, with no Content-Length.
    HttpResponse<String> ok =
        chunked("{\"type\":\"chunked\",\"estimatedMillis\":1,\"dataKey\":\"c-1\"}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    assertThat(json.readTree(ok.body()).get("taskId").asText()).isNotEmpty();
    HttpResponse<String> big = chunked("{\"type\":\"t\",\"input\":\"" + "x".repeat(10_000) + "\"}");
    assertThat(big.statusCode()).isEqualTo(413);
    HttpResponse<String> malformed = chunked("{\"type\": ");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json.readTree(malformed.body()).get("field").asText()).isEqualTo("body");
  }

  private static HttpResponse<String> chunked(String body) throws Exception {
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return send(
        HttpRequest.newBuilder(URI.create(base + "/api/v1/tasks"))
            .header("Authorization", "Bearer " + HttpTestCluster.TOKEN)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(bytes))));
  }

  @Test
  void injectAWorkload_thenReadItsResult() throws Exception {
    HttpResponse<String> r =
        post(
            "/api/v1/diffusion/tasks",
            "{\"workload\":\"word-count\",\"text\":\"to be or not to be\",\"energy\":50}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String id = json.readTree(r.body()).get("taskId").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> api("/api/v1/diffusion/tasks/" + id).get("state").asText().equals("DONE"));
    JsonNode counts = api("/api/v1/diffusion/tasks/" + id).get("result").get("counts");
    assertThat(counts.get("to").asLong()).isEqualTo(2);
    assertThat(counts.get("be").asLong()).isEqualTo(2);
  }

  @Test
  void submitATask_thenReadIt() throws Exception {
    HttpResponse<String> r =
        post("/api/v1/tasks", "{\"type\":\"nobody-handles-this\",\"estimatedMillis\":10}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String id = json.readTree(r.body()).get("taskId").asText();
    assertThat(api("/api/v1/tasks/" + id).get("type").asText()).isEqualTo("nobody-handles-this");
    HttpResponse<String> cancel = post("/api/v1/tasks/" + id + "/cancel", "{}");
    assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
  }

  @Test
  void propose_thenReadTheProposal_andABadTypeIsNamed() throws Exception {
    HttpResponse<String> r =
        post(
            "/api/v1/proposals",
            "{\"proposer\":\"n0\",\"type\":\"MODEL_UPDATE\",\"deadlineSeconds\":30,"
                + "\"features\":[0.9,0.1]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String id = json.readTree(r.body()).get("id").asText();
    assertThat(api("/api/v1/proposals/" + id).get("proposer").asText()).isEqualTo("n0");
    HttpResponse<String> bad =
        post("/api/v1/proposals", "{\"proposer\":\"n0\",\"type\":\"LUNCH\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).get("field").asText()).isEqualTo("type");
    assertThat(json.readTree(bad.body()).get("value").asText()).isEqualTo("LUNCH");
    assertThat(get("/metrics", HttpTestCluster.TOKEN).body())
        .contains("swarmgrid_consensus_proposals_total");
  }

  @Test
  void release_withAForgedSignature_isRefused_andNothingChanges() throws Exception {
    String state = api("/api/v1/quarantine/n1").get("releaseState").asText();
    HttpResponse<String> r =
        post(
            "/api/v1/quarantine/n1/release",
            "{\"state\":\"" + state + "\",\"signature\":\"AAAA\"}");
    assertThat(r.statusCode()).as(r.body()).isIn(400, 409);
    HttpResponse<String> notBase64 =
        post("/api/v1/quarantine/n1/release", "{\"state\":\"s\",\"signature\":\"***\"}");
    assertThat(notBase64.statusCode()).isEqualTo(400);
    assertThat(json.readTree(notBase64.body()).get("field").asText()).isEqualTo("signature");
    HttpResponse<String> unknown =
        post("/api/v1/quarantine/nobody/release", "{\"state\":\"s\",\"signature\":\"AAAA\"}");
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void openApi_describesEveryRoute() throws Exception {
    JsonNode doc = json.readTree(get("/openapi.json", null).body());
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    assertThat(doc.get("paths").has("/api/v1/diffusion/tasks")).isTrue();
    assertThat(doc.get("paths").get("/api/v1/diffusion/tasks").has("post")).isTrue();
    assertThat(doc.get("paths").has("/health/ready")).isTrue();
    assertThat(doc.get("paths").has("/metrics")).isTrue();
  }

  @Test
  void metrics_arePrometheusText_withSwarmGridHazelcastAndJvmSeries() throws Exception {
    post(
        "/api/v1/diffusion/tasks",
        "{\"workload\":\"word-count\",\"text\":\"a b c a\",\"energy\":50}");
    HttpResponse<String> r = get("/metrics", HttpTestCluster.TOKEN);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(r.body())
        .contains("swarmgrid_diffusion_")
        .contains("hazelcast_cluster_members")
        .contains("hazelcast_map_entries{map=\"swarm.nodes\"}")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void unknownRoute_withToken_is404Json() throws Exception {
    HttpResponse<String> r = get("/api/v1/no-such-route", HttpTestCluster.TOKEN);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json.readTree(r.body()).get("value").asText()).isEqualTo("/api/v1/no-such-route");
  }

  static JsonNode api(String path) throws Exception {
    HttpResponse<String> r = get(path, HttpTestCluster.TOKEN);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b);
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + HttpTestCluster.TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(
        b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
