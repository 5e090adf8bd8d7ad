package io.swarmgrid.benchmarks;

import com.hazelcast.map.IMap;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.deploy.cluster.StartedCluster;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import java.util.List;

/**
 * {@code ./swarmgrid bench registry}: node heartbeats through the registry (an entry processor next
 * to each node's entry, from a client) against raw {@code IMap.set} of the same records from the
 * same client at the same concurrency, on 3 members in this JVM, or on the member processes of a
 * cluster {@code ./swarmgrid cluster start} started ({@code --cluster-dir}).
 */
final class RegistryBench {
  private RegistryBench() {}

  /**
   * @param target a started cluster of member processes, or null for 3 members in this JVM
   */
  static String run(boolean quick, StartedCluster target) throws Exception {
    int threads = 8;
    double warmup = quick ? 2 : 5;
    double seconds = quick ? 8 : 30;
    try (LocalCluster cluster =
            target != null
                ? null
                : LocalCluster.start(
                    "swarmgrid-bench",
                    5751,
                    3,
                    i ->
                        SwarmGridConfig.custom()
                            .node(
                                NodeConfig.custom()
                                    .id("bench-" + i)
                                    .keyFile(".swarmgrid/bench-keys/{node-id}.key")
                                    .build())
                            .build());
        SwarmClient client =
            SwarmClient.connect(
                target != null
                    ? new SwarmClientConfig(target.clusterName(), target.addresses(), 30_000)
                    : SwarmClientConfig.of(
                        "swarmgrid-bench", cluster.addresses().toArray(String[]::new)))) {
      NodeRegistry registry = new NodeRegistry(client.hazelcast());
      NodeInfo template =
          target != null
              ? client.activeNodes().stream().findFirst().orElseThrow()
              : registry.get("bench-1").orElseThrow();
      int fleet = 1000;
      for (int i = 0; i < fleet; i++) {
        registry.register(copy(template, "fleet-" + i));
      }
      System.err.printf(
          "registry: %d nodes registered; %d threads, %.0f s each run%n", fleet, threads, seconds);

      LoadRun.Result heartbeat =
          LoadRun.run(
              "heartbeat",
              threads,
              warmup,
              seconds,
              (t, i) ->
                  registry.heartbeat(
                      "fleet-" + ((t * 7919L + i) % fleet), System.currentTimeMillis()));
      IMap<String, NodeInfo> raw = client.hazelcast().getMap("bench.raw-nodes");
      NodeInfo[] values = new NodeInfo[fleet];
      for (int i = 0; i < fleet; i++) {
        values[i] = copy(template, "fleet-" + i);
      }
      LoadRun.Result baseline =
          LoadRun.run(
              "imap-set",
              threads,
              warmup,
              seconds,
              (t, i) -> {
                int k = (int) ((t * 7919L + i) % fleet);
                raw.set("fleet-" + k, values[k]);
              });
      for (LoadRun.Result r : List.of(heartbeat, baseline)) {
        System.err.printf(
            "  %-10s %8.0f ops/s  p50 %.2f ms  p99 %.2f ms%n",
            r.name(), r.opsPerSecond(), r.p50Millis(), r.p99Millis());
      }
      return String.format(
          "BENCH registry members=%s ops_per_s=%.0f baseline_ops_per_s=%.0f ratio=%.2f p50_ms=%.2f p99_ms=%.2f baseline_p50_ms=%.2f baseline_p99_ms=%.2f threads=%d seconds=%.0f",
          target != null ? target.members() + "-processes" : "3-in-process",
          heartbeat.opsPerSecond(),
          baseline.opsPerSecond(),
          heartbeat.opsPerSecond() / baseline.opsPerSecond(),
          heartbeat.p50Millis(),
          heartbeat.p99Millis(),
          baseline.p50Millis(),
          baseline.p99Millis(),
          threads,
          seconds);
    }
  }

  private static NodeInfo copy(NodeInfo t, String id) {
    return new NodeInfo(
        id,
        t.region(),
        t.tier(),
        t.capabilities(),
        t.capacity(),
        t.publicKey(),
        t.status(),
        "",
        "",
        t.engines(),
        t.version(),
        t.registeredAt(),
        t.lastSeen());
  }
}
