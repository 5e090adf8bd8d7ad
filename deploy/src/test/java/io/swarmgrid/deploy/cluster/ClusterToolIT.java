package io.swarmgrid.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmgrid.deploy.cluster.internal.ClusterStateFile;
import io.swarmgrid.deploy.cluster.internal.Health;
import io.swarmgrid.deploy.cluster.internal.NetworkRules;
import io.swarmgrid.deploy.cluster.internal.NodeProcess;
import io.swarmgrid.deploy.cluster.internal.NodeProcess.Liveness;
import io.swarmgrid.deploy.cluster.internal.NodeState;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swarmgrid cluster} as a user runs it: three member processes started, a workload injected
 * while a node is killed (the checker passes), a node paused and resumed, bad input refused with
 * exit 2 touching nothing, stop, destroy.
 */
class ClusterToolIT {
  // The cluster helper's ports (5701-5799), away from the examples' 5701-5703; a build running
  // beside another one passes its own (-Dswarmgrid.clusterIT.basePort). HTTP: each port + 2379.
  private static final int BASE = Integer.getInteger("swarmgrid.clusterIT.basePort", 5761);

  // Kept when the test fails: the nodes' logs under cluster/node-N say what the members saw.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path tmp;

  private Path dir;

  @AfterEach
  void killWhateverRuns() throws InterruptedException {
    if (dir != null) {
      ClusterTool.killAll(dir);
    }
  }

  private ClusterTool.Run cluster(String... args) {
    return ClusterTool.in(dir, args);
  }

  private static String get(String url, String token) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  @Test
  void start_inject_underChaos_pause_badInput_stop_destroy() throws Exception {
    dir = tmp.resolve("cluster");
    var start = cluster("start", "--nodes", "3", "--base-port", Integer.toString(BASE));
    assertThat(start.exit()).as(start.err()).isZero();
    assertThat(start.out())
        .contains("cluster ready in", "node-3", "127.0.0.1:" + (BASE + 2))
        .contains("http://127.0.0.1:" + (BASE + 2379), "http-token");
    var state = new ClusterStateFile(dir).require();
    assertThat(state.nodes()).allMatch(n -> NodeProcess.liveness(n) == Liveness.RUNNING);
    // Ready means the engines run: an inject right after start once found no diffusion engine.
    assertThat(state.nodes()).allMatch(n -> Health.ready(n).up(), "answers /health/ready");
    assertThat(dir.resolve("node-1/keys/node-1.key")).exists();
    // The HTTP API's node list is a member-local copy: made on members started from YAML, it
    // once added a run-time map config that such members refuse, and they shut down.
    String token = Files.readString(dir.resolve("http-token")).strip();
    for (NodeState node : state.nodes()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(get(node.httpUrl() + "/api/v1/nodes?status=active", token))
                      .contains("\"node-1\"", "\"node-2\"", "\"node-3\""));
    }

    // A port in use: one line, exit 2, nothing started.
    Path other = tmp.resolve("other");
    var clash =
        ClusterTool.run(
            "start",
            "--nodes",
            "2",
            "--base-port",
            Integer.toString(BASE + 1),
            "--dir",
            other.toString());
    assertThat(clash.exit()).isEqualTo(2);
    assertThat(clash.err()).contains("port " + (BASE + 1)).contains("in use");
    assertThat(other.resolve("cluster.json")).doesNotExist();
    var again = cluster("start", "--nodes", "3", "--base-port", "5790");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("already running");

    var status = cluster("status");
    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(status.out().lines().filter(l -> l.startsWith("node-")))
        .hasSize(3)
        .allMatch(l -> l.matches(".* up +region-1 +running .*"));

    // node-3 is killed while the word count runs (a chunk it agreed used to stay unrecorded on the
    // task; DiffusionAgreedByDeadMemberTest).
    var inject =
        cluster("inject", "word-count", "--input", "samples/loghub", "--chaos", "kill node-3");
    assertThat(inject.exit()).as(inject.out() + inject.err()).isZero();
    assertThat(inject.out())
        .contains("chaos: killed node-3", "equals the single-thread result: true", "lost 0")
        .containsPattern("tasks acknowledged (\\d+), DONE \\1 ")
        .contains("CHECK PASSED");
    NodeState n3 = state.require("node", "node-3");
    assertThat(NodeProcess.liveness(n3)).isEqualTo(Liveness.DEAD);
    assertThat(cluster("status").out().lines().filter(l -> l.startsWith("node-3")))
        .singleElement()
        .matches(l -> l.matches(".* - +region-1 +dead .*"), "node-3 dead, not asked for health");

    var pause = cluster("chaos", "--pause", "node-2", "--for", "1s");
    assertThat(pause.exit()).as(pause.err()).isZero();
    assertThat(pause.out()).contains("paused node-2", "resumed node-2");
    assertThat(NodeProcess.liveness(state.require("node", "node-2"))).isEqualTo(Liveness.RUNNING);

    for (String[] bad :
        new String[][] {
          {"chaos", "--kill", "150%"},
          {"chaos", "--kill", "node-9"},
          {"chaos", "--kill", "node-3"},
          {"chaos", "--partition", "node-1/node-1,node-2"},
          {"chaos", "--partition", "node-1/node-9"},
          {"chaos", "--partition", "node-1"},
          {"chaos", "--slow", "node-1"},
          {"chaos", "--slow", "node-1", "--latency", "0ms"},
          {"chaos", "--kill", "node-1", "--for", "1s"},
          {"chaos", "--pause", "node-1", "--for", "ten"},
          {"chaos"},
          {"inject", "training"},
          {"inject", "no-such-workload"},
          {"inject", "word-count", "--chaos", "kill 150%"},
          {"inject", "word-count", "--chaos", "partition node-1/node-2"},
          {"inject", "word-count", "--input", "no/such/file"},
          {"logs", "node-9"},
          {"start", "--nodes", "0"}
        }) {
      var run = cluster(bad);
      assertThat(run.exit()).as(String.join(" ", bad) + ": " + run.err()).isEqualTo(2);
      assertThat(run.err().strip().lines()).as(String.join(" ", bad)).hasSize(1);
    }
    assertThat(state.nodes().subList(0, 2))
        .as("bad input killed nothing")
        .allMatch(n -> NodeProcess.liveness(n) == Liveness.RUNNING);
    assertThat(dir.resolve(NetworkRules.FILE)).as("bad input cut nothing").doesNotExist();

    var logs = cluster("logs", "node-1", "--lines", "5");
    assertThat(logs.exit()).isZero();
    assertThat(logs.out().lines()).hasSizeLessThanOrEqualTo(5).isNotEmpty();

    var stop = cluster("stop");
    assertThat(stop.exit()).as(stop.err()).isZero();
    assertThat(state.nodes()).allMatch(n -> NodeProcess.liveness(n) == Liveness.DEAD);
    await().atMost(Duration.ofSeconds(30)).until(() -> portFree(BASE) && portFree(BASE + 1));
    var destroy = cluster("destroy");
    assertThat(destroy.exit()).isZero();
    assertThat(Files.exists(dir)).isFalse();
    var afterDestroy = cluster("status");
    assertThat(afterDestroy.exit()).isEqualTo(2);
    assertThat(afterDestroy.err()).contains("no cluster in");
  }

  private static boolean portFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return s.isBound();
    } catch (Exception e) {
      return false;
    }
  }
}
