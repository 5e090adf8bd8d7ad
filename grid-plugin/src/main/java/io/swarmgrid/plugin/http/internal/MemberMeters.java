package io.swarmgrid.plugin.http.internal;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.LocalMapStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.swarmgrid.storage.SwarmMap;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Binds the member's own figures to a registry: the JVM's, Hazelcast's cluster and partition
 * figures, and the local statistics of every SwarmGrid map ({@code hazelcast_map_*}, tag {@code
 * map}). Figures that need the grid or a pass over every thread (cluster safety, partitions, map
 * statistics, thread states, CPU load) are {@link RefreshedFigures}: read once a second off the
 * scrape thread. Map figures read a map only if it exists, so a scrape never creates one. Thread
 * and processor meters keep the names of Micrometer's {@code JvmThreadMetrics} and {@code
 * ProcessorMetrics} (whose thread-state gauges read every thread's info once per state per scrape).
 */
public final class MemberMeters {
  private MemberMeters() {}

  /** Binds {@code hz}'s meters to {@code registry}; returns what to close on stop. */
  public static AutoCloseable bind(MeterRegistry registry, HazelcastInstance hz) {
    new JvmMemoryMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    RefreshedFigures figures = new RefreshedFigures(registry, hz.getName());
    cluster(figures, hz);
    maps(figures, hz);
    threads(figures, registry);
    processor(figures);
    figures.start();
    return () -> {
      figures.close();
      gc.close();
    };
  }

  private static void cluster(RefreshedFigures figures, HazelcastInstance hz) {
    figures.gauge(
        "hazelcast.cluster.members",
        Tags.empty(),
        "members of the cluster this member sees",
        () -> running(hz) ? hz.getCluster().getMembers().size() : Double.NaN);
    figures.gauge(
        "hazelcast.cluster.safe",
        Tags.empty(),
        "1 when every partition has its backups in sync",
        () -> running(hz) ? (hz.getPartitionService().isClusterSafe() ? 1 : 0) : Double.NaN);
    figures.gauge(
        "hazelcast.partitions.owned",
        Tags.empty(),
        "partitions this member owns",
        () ->
            running(hz)
                ? hz.getPartitionService().getPartitions().stream()
                    .filter(p -> p.getOwner() != null && p.getOwner().localMember())
                    .count()
                : Double.NaN);
  }

  private static void maps(RefreshedFigures figures, HazelcastInstance hz) {
    MapStats stats = new MapStats(hz);
    figures.beforeEach(stats::refresh);
    for (SwarmMap m : SwarmMap.values()) {
      String name = m.mapName();
      Tags tags = Tags.of("map", name);
      figures.gauge(
          "hazelcast.map.entries",
          tags,
          "entries this member owns",
          () -> stats.get(name, LocalMapStats::getOwnedEntryCount));
      figures.counter(
          "hazelcast.map.gets",
          tags,
          "",
          () -> stats.get(name, LocalMapStats::getGetOperationCount));
      figures.counter(
          "hazelcast.map.puts",
          tags,
          "",
          () -> stats.get(name, LocalMapStats::getPutOperationCount));
    }
  }

  private static void threads(RefreshedFigures figures, MeterRegistry registry) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Gauge.builder("jvm.threads.live", threads, t -> t.getThreadCount())
        .baseUnit("threads")
        .register(registry);
    Gauge.builder("jvm.threads.daemon", threads, t -> t.getDaemonThreadCount())
        .baseUnit("threads")
        .register(registry);
    Gauge.builder("jvm.threads.peak", threads, t -> t.getPeakThreadCount())
        .baseUnit("threads")
        .register(registry);
    FunctionCounter.builder("jvm.threads.started", threads, t -> t.getTotalStartedThreadCount())
        .baseUnit("threads")
        .register(registry);
    Map<Thread.State, Long> byState = new EnumMap<>(Thread.State.class);
    // One pass over every thread's info per refresh, for all six states.
    figures.beforeEach(
        () -> {
          Map<Thread.State, Long> counted = new EnumMap<>(Thread.State.class);
          for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
              counted.merge(info.getThreadState(), 1L, Long::sum);
            }
          }
          synchronized (byState) {
            byState.clear();
            byState.putAll(counted);
          }
        });
    for (Thread.State state : Thread.State.values()) {
      figures.gauge(
          "jvm.threads.states",
          Tags.of("state", state.name().toLowerCase(Locale.ROOT).replace('_', '-')),
          "threads in this state",
          () -> {
            synchronized (byState) {
              return byState.getOrDefault(state, 0L);
            }
          });
    }
  }

  private static void processor(RefreshedFigures figures) {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    figures.gauge(
        "system.cpu.count",
        Tags.empty(),
        "processors available to the JVM",
        () -> os.getAvailableProcessors());
    figures.gauge(
        "system.load.average.1m",
        Tags.empty(),
        "the system load average over the last minute",
        os::getSystemLoadAverage);
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      figures.gauge(
          "system.cpu.usage",
          Tags.empty(),
          "recent CPU usage of the whole system",
          sun::getCpuLoad);
      figures.gauge(
          "process.cpu.usage",
          Tags.empty(),
          "recent CPU usage of this JVM",
          sun::getProcessCpuLoad);
    }
  }

  private static boolean running(HazelcastInstance hz) {
    return hz.getLifecycleService().isRunning();
  }

  /** The local statistics of every existing map, as of the last refresh. */
  private static final class MapStats {
    private final HazelcastInstance hz;
    private volatile Map<String, LocalMapStats> last = Map.of();

    MapStats(HazelcastInstance hz) {
      this.hz = hz;
    }

    void refresh() {
      if (!running(hz)) {
        return;
      }
      Map<String, LocalMapStats> fresh = new HashMap<>();
      for (DistributedObject o : hz.getDistributedObjects()) {
        if (o instanceof IMap<?, ?> imap) {
          fresh.put(o.getName(), imap.getLocalMapStats());
        }
      }
      last = fresh;
    }

    double get(String map, ToDoubleFunction<LocalMapStats> figure) {
      LocalMapStats s = last.get(map);
      return s == null ? 0 : figure.applyAsDouble(s);
    }
  }
}
