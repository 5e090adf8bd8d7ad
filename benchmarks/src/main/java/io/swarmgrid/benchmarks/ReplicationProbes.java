package io.swarmgrid.benchmarks;

import com.hazelcast.map.IMap;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.storage.region.ReplicationStamp;
import java.util.List;
import java.util.Map;

/**
 * What the replication bench prints beside its figures: percentiles, where the lag went on eu's
 * writers (the stage timers), and the keys that did not converge.
 */
final class ReplicationProbes {
  private ReplicationProbes() {}

  static double percentile(long[] sorted, double p) {
    return sorted.length == 0
        ? 0
        : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
  }

  /**
   * Where the lag went on eu's writers: write to writer (to-sink), of it journal read to stamped
   * and stamped to writer, and the writers' flushes.
   */
  static void stages(LocalCluster eu, String map) {
    io.swarmgrid.storage.runtime.SwarmServices.find(
            eu.members().get(0), io.micrometer.core.instrument.MeterRegistry.class)
        .ifPresent(
            registry -> {
              for (String name :
                  List.of(
                      "swarmgrid.region.replication.to-sink",
                      "swarmgrid.region.replication.stamp",
                      "swarmgrid.region.replication.to-writer",
                      "swarmgrid.region.replication.flush")) {
                io.micrometer.core.instrument.Timer t = registry.find(name).tag("map", map).timer();
                if (t == null) {
                  continue;
                }
                double p50 = 0;
                double p99 = 0;
                for (var v : t.takeSnapshot().percentileValues()) {
                  if (v.percentile() == 0.5) {
                    p50 = v.value(java.util.concurrent.TimeUnit.MILLISECONDS);
                  } else if (v.percentile() == 0.99) {
                    p99 = v.value(java.util.concurrent.TimeUnit.MILLISECONDS);
                  }
                }
                System.err.printf(
                    "  stage %s: p50 %.1f ms p99 %.1f ms mean %.1f ms over %d%n",
                    name, p50, p99, t.mean(java.util.concurrent.TimeUnit.MILLISECONDS), t.count());
              }
            });
  }

  /**
   * Prints a few keys that did not converge, with both regions' values and stamps now: whether the
   * source changed after the check began (something came back from the target) or the target holds
   * an older state, and which stamp each side recorded.
   */
  static void describeLost(
      IMap<String, String> source,
      IMap<String, String> target,
      IMap<String, ReplicationStamp> sourceStamps,
      IMap<String, ReplicationStamp> targetStamps,
      Map<String, String> want) {
    Map<String, String> got = target.getAll(want.keySet());
    want.entrySet().stream()
        .filter(e -> !e.getValue().equals(got.get(e.getKey())))
        .limit(5)
        .forEach(
            e ->
                System.err.printf(
                    "  not converged: %s wanted %s; source now %s stamp %s; target %s stamp %s%n",
                    e.getKey(),
                    e.getValue(),
                    source.get(e.getKey()),
                    sourceStamps.get(e.getKey()),
                    got.get(e.getKey()),
                    targetStamps.get(e.getKey())));
  }
}
