package io.swarmgrid.plugin.http.internal;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.LocalMapStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.swarmgrid.storage.SwarmMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Binds the member's own figures to a registry: the JVM's, Hazelcast's cluster and partition
 * figures, and the local statistics of every SwarmGrid map ({@code hazelcast_map_*}, tag {@code
 * map}). Map figures read the map only if it exists, so a scrape never creates one, and are read
 * once per scrape (at most once a second) for all maps together.
 */
public final class MemberMeters {
  private MemberMeters() {}

  /** Binds {@code hz}'s meters to {@code registry}; returns the GC binder to close on stop. */
  public static AutoCloseable bind(MeterRegistry registry, HazelcastInstance hz) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    Gauge.builder("hazelcast.cluster.members", hz, h -> h.getCluster().getMembers().size())
        .description("members of the cluster this member sees")
        .register(registry);
    Gauge.builder(
            "hazelcast.cluster.safe", hz, h -> h.getPartitionService().isClusterSafe() ? 1 : 0)
        .description("1 when every partition has its backups in sync")
        .register(registry);
    Gauge.builder(
            "hazelcast.partitions.owned",
            hz,
            h ->
                h.getPartitionService().getPartitions().stream()
                    .filter(p -> p.getOwner() != null && p.getOwner().localMember())
                    .count())
        .description("partitions this member owns")
        .register(registry);
    MapStats stats = new MapStats(hz);
    for (SwarmMap m : SwarmMap.values()) {
      String name = m.mapName();
      Gauge.builder(
              "hazelcast.map.entries", stats, s -> s.get(name, LocalMapStats::getOwnedEntryCount))
          .tag("map", name)
          .description("entries this member owns")
          .register(registry);
      FunctionCounter.builder(
              "hazelcast.map.gets", stats, s -> s.get(name, LocalMapStats::getGetOperationCount))
          .tag("map", name)
          .register(registry);
      FunctionCounter.builder(
              "hazelcast.map.puts", stats, s -> s.get(name, LocalMapStats::getPutOperationCount))
          .tag("map", name)
          .register(registry);
    }
    return gc;
  }

  /** The local statistics of every existing map, read at most once a second. */
  private static final class MapStats {
    private final HazelcastInstance hz;
    private volatile Map<String, LocalMapStats> last = Map.of();
    private volatile long readAt;

    MapStats(HazelcastInstance hz) {
      this.hz = hz;
    }

    double get(String map, ToDoubleFunction<LocalMapStats> figure) {
      if (!hz.getLifecycleService().isRunning()) {
        return Double.NaN;
      }
      long now = System.nanoTime();
      if (now - readAt > 1_000_000_000L) {
        Map<String, LocalMapStats> fresh = new HashMap<>();
        for (DistributedObject o : hz.getDistributedObjects()) {
          if (o instanceof IMap<?, ?> imap) {
            fresh.put(o.getName(), imap.getLocalMapStats());
          }
        }
        last = fresh;
        readAt = now;
      }
      LocalMapStats s = last.get(map);
      return s == null ? 0 : figure.applyAsDouble(s);
    }
  }
}
