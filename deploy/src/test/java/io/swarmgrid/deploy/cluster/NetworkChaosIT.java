package io.swarmgrid.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.deploy.cluster.internal.ClusterState;
import io.swarmgrid.deploy.cluster.internal.ClusterStateFile;
import io.swarmgrid.deploy.cluster.internal.LinkProxySeen;
import io.swarmgrid.deploy.cluster.internal.NetworkRules;
import io.swarmgrid.storage.SwarmSerialization;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swarmgrid cluster chaos --partition} and {@code --slow} on three member processes, as a
 * user runs them: each side of a partition sees only its own members, the heal lets Hazelcast merge
 * the sides back into one cluster of 3, and a workload partitioned while it runs passes the
 * checker; a slowed node's connections are held at least the latency asked for.
 */
class NetworkChaosIT {
  // Away from ClusterToolIT's ports (its base, +1000 member binds, +1100.. outbound, +2379 HTTP).
  private static final int BASE = Integer.getInteger("swarmgrid.clusterIT.basePort", 5761) + 200;
  // What the majority's CP healer logs when it keeps a missing CP member it has no seat-taker for.
  private static final String KEPT = "kept in the CP group until a member outside CP";

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

  @Test
  void partition_eachSideAlone_healMerges_checkerPasses_thenSlowHoldsBytes() throws Exception {
    dir = tmp.resolve("cluster");
    var start = cluster("start", "--nodes", "3", "--base-port", Integer.toString(BASE));
    assertThat(start.exit()).as(start.err()).isZero();
    ClusterState state = new ClusterStateFile(dir).require();

    var cut = cluster("chaos", "--partition", "node-1/node-2,node-3");
    assertThat(cut.exit()).as(cut.err()).isZero();
    assertThat(cut.out())
        .contains("cut node-1 from node-2,node-3", "3 of 3 running nodes applied it");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(membersSeenBy(BASE)).as("node-1's side").isEqualTo(1);
              assertThat(membersSeenBy(BASE + 1)).as("node-2's side").isEqualTo(2);
            });
    assertThat(seen(state, "node-1"))
        .as("node-1's proxy refused or closed node-2's and node-3's connections")
        .matches(s -> s.refused() + s.closed() > 0, "refused or closed some");
    // Longer than consensus.cp.missing-member-removal (20 s): with no member outside CP to take
    // node-1's seat, the majority keeps node-1 in the CP group rather than remove it for good.
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> logOf(state, "node-2").contains(KEPT) || logOf(state, "node-3").contains(KEPT));
    var status = cluster("status");
    assertThat(status.out().lines().filter(l -> l.startsWith("node-")))
        .anyMatch(l -> l.startsWith("node-1") && l.endsWith("cut from node-2,node-3"))
        .anyMatch(l -> l.startsWith("node-3") && l.endsWith("cut from node-1"));

    var heal = cluster("chaos", "--heal");
    assertThat(heal.exit()).as(heal.err()).isZero();
    assertThat(heal.out()).contains("healed 1 network rule(s)");
    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () -> {
              assertThat(membersSeenBy(BASE)).as("node-1, merged").isEqualTo(3);
              assertThat(membersSeenBy(BASE + 2)).as("node-3").isEqualTo(3);
            });
    assertThat(cluster("status").out().lines().filter(l -> l.startsWith("node-")))
        .hasSize(3)
        .allMatch(l -> l.endsWith("   -"), "no network fault left");
    // node-1 merged back under a new member UUID, and the others had marked its node gone: it
    // registers again, or the engines that route by member (diffusion) leave it out.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(activeNodesOnLiveMembers(BASE + 1))
                    .containsExactlyInAnyOrder("node-1", "node-2", "node-3"));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(cpMembersSeenBy(BASE + 1))
                    .as("CP members after a partition longer than the removal time")
                    .containsExactlyInAnyOrder(
                        "127.0.0.1:" + BASE, "127.0.0.1:" + (BASE + 1), "127.0.0.1:" + (BASE + 2)));

    // A partition while a workload runs, healed after 8 s; the checker then holds.
    var inject =
        cluster(
            "inject",
            "word-count",
            "--input",
            "samples/loghub",
            "--chaos",
            "partition node-3/node-1,node-2 8s");
    assertThat(inject.exit()).as(inject.out() + inject.err()).isZero();
    assertThat(inject.out())
        .contains("chaos: cut node-3 from node-1,node-2", "chaos: healed after PT8S")
        .contains("equals the single-thread result: true", "lost 0", "CHECK PASSED");
    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(() -> assertThat(membersSeenBy(BASE + 2)).as("node-3").isEqualTo(3));

    var slow = cluster("chaos", "--slow", "node-2", "--latency", "300ms");
    assertThat(slow.exit()).as(slow.err()).isZero();
    assertThat(slow.out()).contains("slowed node-2 by 300ms each way");
    assertThat(cluster("status").out().lines())
        .anyMatch(l -> l.startsWith("node-2") && l.endsWith("slow 300ms"));
    long roundTripNanos = roundTripThrough(BASE + 1);
    System.out.printf("map.get through slowed node-2: %.0f ms%n", roundTripNanos / 1e6);
    // Behaviour, not a benchmark: a request and its answer each wait out the latency at least once.
    assertThat(Duration.ofNanos(roundTripNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(seen(state, "node-2"))
        .matches(s -> s.delayedChunks() > 0, "held some bytes")
        .matches(s -> s.minHeldMillis() >= 300, "held each at least 300 ms");
    assertThat(cluster("chaos", "--heal").out()).contains("healed 1 network rule(s)");
    assertThat(NetworkRules.read(dir.resolve(NetworkRules.FILE)).rules()).isEmpty();
    assertThat(seen(state, "node-2").rules()).isEmpty();
  }

  private static LinkProxySeen seen(ClusterState state, String node) {
    return LinkProxySeen.read(
            Path.of(state.require("node", node).dir()).resolve(LinkProxySeen.FILE))
        .orElseThrow();
  }

  /** How many members the member at {@code port} counts, asked through a client of it alone. */
  private static int membersSeenBy(int port) {
    HazelcastInstance client = HazelcastClient.newHazelcastClient(onlyTo(port));
    try {
      return client.getCluster().getMembers().size();
    } finally {
      client.shutdown();
    }
  }

  /** The registry's active nodes whose member is in the cluster, asked through {@code port}. */
  private static List<String> activeNodesOnLiveMembers(int port) {
    ClientConfig c = onlyTo(port);
    SwarmSerialization.register(c.getSerializationConfig());
    HazelcastInstance client = HazelcastClient.newHazelcastClient(c);
    try {
      Set<String> members = new HashSet<>();
      client.getCluster().getMembers().forEach(m -> members.add(m.getUuid().toString()));
      return new NodeRegistry(client)
          .active().stream()
              .filter(n -> members.contains(n.memberUuid()))
              .map(NodeInfo::nodeId)
              .toList();
    } finally {
      client.shutdown();
    }
  }

  /**
   * The CP Subsystem's members as {@code swarmgrid status} shows them, asked through {@code port}.
   */
  private static List<String> cpMembersSeenBy(int port) {
    try (SwarmClient client =
        SwarmClient.connect(SwarmClientConfig.of("swarmgrid-local", "127.0.0.1:" + port))) {
      return client.status().cpMembers();
    }
  }

  private static String logOf(ClusterState state, String node) throws java.io.IOException {
    return Files.readString(state.require("node", node).log());
  }

  /** The time of one map read through the member at {@code port} alone. */
  private static long roundTripThrough(int port) {
    HazelcastInstance client = HazelcastClient.newHazelcastClient(onlyTo(port));
    try {
      var map = client.<String, String>getMap("network-chaos-probe");
      long t0 = System.nanoTime();
      map.get("k");
      return System.nanoTime() - t0;
    } finally {
      client.shutdown();
    }
  }

  @SuppressWarnings("deprecation")
  private static ClientConfig onlyTo(int port) {
    ClientConfig c = new ClientConfig();
    c.setClusterName("swarmgrid-local");
    c.getNetworkConfig().addAddress("127.0.0.1:" + port).setSmartRouting(false);
    c.getConnectionStrategyConfig()
        .getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(10_000);
    c.setProperty("hazelcast.logging.type", "slf4j");
    return c;
  }
}
