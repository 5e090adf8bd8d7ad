package io.swarmgrid.benchmarks;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.RegionsConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.hazelcast.ValueHash;
import io.swarmgrid.plugin.region.RegionEngine;
import io.swarmgrid.plugin.region.ResyncReport;
import io.swarmgrid.storage.region.ReplicationStamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./swarmgrid bench replication}: two regions (two clusters in this JVM) replicating one map
 * both ways. Phase 1 writes into region eu at a steady 10,000 updates/s while a listener in region
 * us measures each update's lag (write to arrival; one JVM, one clock): {@code lag_p50_ms}, {@code
 * lag_p99_ms}. Phase 2 writes as fast as eu takes them ({@code baseline_ops_per_s}, the raw write
 * rate) and measures the writes replicated per second until us holds every final value ({@code
 * ops_per_s}). {@code lost}: keys whose final value never arrived.
 */
final class ReplicationBench {
  private static final String MAP = "bench.replicated";
  private static final String RESYNC_MAP = "bench.resync";
  private static final int RESYNC_KEYS = 100_000;
  private static final int RESYNC_DIFFERENT = 1_000;
  private static final int MAX_SAMPLES = 2_000_000;
  private static final int STEADY_RATE = Integer.getInteger("bench.rate", 10_000);
  private static final boolean SOURCE_EVENTS = Boolean.getBoolean("bench.sourceEvents");

  private ReplicationBench() {}

  static String run(boolean quick) throws Exception {
    int threads = 8;
    int keys = 10_000;
    double warmup = quick ? 2 : 5;
    double seconds = quick ? 10 : 30;
    int euPort = Integer.getInteger("swarmgrid.bench.basePort", 6861);
    int usPort = euPort + 20;
    try (LocalCluster eu =
            LocalCluster.start("bench-eu", euPort, 1, i -> config("eu", "bench-us", usPort, i));
        LocalCluster us =
            LocalCluster.start("bench-us", usPort, 1, i -> config("us", "bench-eu", euPort, i))) {
      IMap<String, String> source = eu.members().get(0).getMap(MAP);
      IMap<String, String> target = us.members().get(0).getMap(MAP);
      long[] lags = new long[MAX_SAMPLES];
      AtomicInteger lagCount = new AtomicInteger();
      // Lags count from the end of the warm-up: JIT compilation in the first seconds is not steady
      // state.
      AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
      Listener listener = new Listener(lags, lagCount, measureFrom);
      target.addEntryListener(listener, true);
      // -Dbench.sourceEvents=true: the same listener at eu, where the write is made, tells how much
      // of the lag is the listener's own event delivery on this machine (off by default: it adds
      // an event per write).
      long[] sourceLags = SOURCE_EVENTS ? new long[MAX_SAMPLES] : new long[0];
      AtomicInteger sourceCount = new AtomicInteger();
      if (SOURCE_EVENTS) {
        source.addEntryListener(new Listener(sourceLags, sourceCount, measureFrom), true);
      }
      System.err.printf(
          "replication: eu -> us, %d threads writing %d keys; phase 1 steady %d updates/s for %.0f s, phase 2 as fast as eu takes writes%n",
          threads, keys, STEADY_RATE, seconds);
      // Phase 1: a steady rate; lag measured at us.
      long nanosPerOp = 1_000_000_000L * threads / STEADY_RATE;
      long phaseStart = System.nanoTime() + 100_000_000L;
      measureFrom.set(phaseStart + (long) (warmup * 1e9));
      LoadRun.Result steady =
          LoadRun.run(
              "steady",
              threads,
              warmup,
              seconds,
              (t, i) -> {
                LockSupport.parkNanos(phaseStart + i * nanosPerOp - System.nanoTime());
                int k = (int) ((t * 7919L + i * 31L) % keys);
                source.set("k-" + k, Long.toString(System.nanoTime()));
              });
      Convergence c1 = converge(eu, us, MAP);
      int arrivals = Math.min(lagCount.get(), MAX_SAMPLES);
      long[] sorted = Arrays.copyOf(lags, arrivals);
      Arrays.sort(sorted);
      double p50 = ReplicationProbes.percentile(sorted, 0.5);
      double p99 = ReplicationProbes.percentile(sorted, 0.99);
      System.err.printf(
          "  steady:   writes %8.0f ops/s; lag p50 %.1f ms p99 %.1f ms over %d arrivals; converged %.2f s after the writers stopped%n",
          steady.opsPerSecond(), p50, p99, arrivals, c1.seconds());
      if (SOURCE_EVENTS) {
        long[] local = Arrays.copyOf(sourceLags, Math.min(sourceCount.get(), MAX_SAMPLES));
        Arrays.sort(local);
        System.err.printf(
            "  steady:   event delivery at eu (write to the bench's listener, no replication) p50 %.1f ms p99 %.1f ms%n",
            ReplicationProbes.percentile(local, 0.5), ReplicationProbes.percentile(local, 0.99));
      }
      if (steady.opsPerSecond() < STEADY_RATE * 0.95) {
        // Writers behind their schedule write back to back: the phase saturates the link, and the
        // lag is then the length of its queues, not the lag at the rate asked.
        System.err.printf(
            "  steady:   WARNING the writers reached %.0f of the %d updates/s asked: the lag above is of a saturated link, not at %d/s%n",
            steady.opsPerSecond(), STEADY_RATE, STEADY_RATE);
      }
      ReplicationProbes.stages(eu, MAP);
      // What the link itself saw: a delivery error means a retry with backoff, which shows in p99.
      eu.members()
          .get(0)
          .<String, io.swarmgrid.storage.region.ReplicationStatus>getMap(
              io.swarmgrid.storage.SwarmMap.REPLICATION.mapName())
          .values()
          .forEach(
              st ->
                  System.err.printf(
                      "  link to %s: last error %s at %s, resyncs %d%n",
                      st.target(),
                      st.lastError().isEmpty() ? "none" : st.lastError(),
                      st.lastErrorAt() == 0
                          ? "-"
                          : java.time.Instant.ofEpochMilli(st.lastErrorAt()),
                      st.resyncs()));

      // Phase 2: saturation; the raw write rate into eu beside the rate us receives them.
      long start = System.nanoTime();
      LoadRun.Result raw =
          LoadRun.run(
              "saturate",
              threads,
              0,
              seconds,
              (t, i) -> {
                int k = (int) ((t * 7919L + i * 31L) % keys);
                source.set("k-" + k, Long.toString(System.nanoTime()));
              });
      long writesEnd = System.nanoTime();
      Convergence c2 = converge(eu, us, MAP);
      double replicatedRate = raw.ops() / ((writesEnd - start) / 1e9 + c2.seconds());
      System.err.printf(
          "  saturate: writes %8.0f ops/s; replicated %8.0f ops/s (writes / time until us holds every final value); converged %.2f s after the writers stopped%n",
          raw.opsPerSecond(), replicatedRate, c2.seconds());
      Resync r = resync(eu, us);
      return String.format(
          "BENCH replication ops_per_s=%.0f baseline_ops_per_s=%.0f ratio=%.2f lag_p50_ms=%.1f lag_p99_ms=%.1f lost=%d steady_ops_per_s=%.0f arrivals=%d threads=%d seconds=%.0f"
              + " resync_bytes_ratio=%.4f resync_bytes=%d resync_map_bytes=%d resync_keys_shipped=%d resync_keys_different=%d resync_ms=%d resync_lost=%d",
          replicatedRate,
          raw.opsPerSecond(),
          replicatedRate / raw.opsPerSecond(),
          p50,
          p99,
          c1.lost() + c2.lost(),
          steady.opsPerSecond(),
          arrivals,
          threads,
          seconds,
          r.report().bytesRatio(),
          r.report().bytesShipped(),
          r.report().mapBytes(),
          r.report().keysShipped(),
          RESYNC_DIFFERENT,
          r.millis(),
          r.lost());
    }
  }

  private record Resync(ResyncReport report, long millis, long lost) {}

  /**
   * Phase 3: {@value #RESYNC_KEYS} keys replicated one way (eu to us), then us made to miss 1% of
   * them (half hold an older value and stamp, half are gone, as after an outage whose journal
   * overflowed); a resync by digest, its bytes over the bytes of the whole map, and whether us then
   * holds every key's value.
   */
  private static Resync resync(LocalCluster eu, LocalCluster us) {
    IMap<String, String> source = eu.members().get(0).getMap(RESYNC_MAP);
    IMap<String, String> target = us.members().get(0).getMap(RESYNC_MAP);
    String pad = "x".repeat(100);
    Map<String, String> chunk = new java.util.HashMap<>();
    for (int i = 0; i < RESYNC_KEYS; i++) {
      chunk.put("r-" + i, i + "-" + pad);
      if (chunk.size() == 1_000) {
        source.putAll(chunk);
        chunk.clear();
      }
    }
    source.putAll(chunk);
    Convergence copied = converge(eu, us, RESYNC_MAP);
    IMap<String, ReplicationStamp> stamps = us.members().get(0).getMap(RESYNC_MAP + ".stamps");
    ValueHash hash = new ValueHash(us.members().get(0));
    int step = RESYNC_KEYS / RESYNC_DIFFERENT;
    for (int n = 0; n < RESYNC_DIFFERENT; n++) {
      String k = "r-" + (n * step);
      if (n % 2 == 0) {
        ReplicationStamp s = stamps.get(k);
        String stale = "stale-" + n;
        target.set(k, stale);
        stamps.set(
            k,
            new ReplicationStamp(
                s.origin(), s.time() - 60_000, s.version() - 1, hash.of(stale), false));
      } else {
        target.delete(k);
        stamps.delete(k);
      }
    }
    RegionEngine engine = SwarmGrid.service(eu.members().get(0), RegionEngine.class).orElseThrow();
    long t0 = System.nanoTime();
    ResyncReport report = engine.resyncByDigest(RESYNC_MAP, "us");
    long millis = (System.nanoTime() - t0) / 1_000_000;
    Convergence after = converge(eu, us, RESYNC_MAP);
    System.err.printf(
        "  resync:   %d keys copied (converged %.1f s), %d made different at us; resync by digest: %d of %d buckets differed, %d listed, %d shipped, %d applied, %d of %d bytes (%.4f) in %d ms; lost after %d%n",
        RESYNC_KEYS,
        copied.seconds(),
        RESYNC_DIFFERENT,
        report.differingBuckets(),
        report.buckets(),
        report.targetListed(),
        report.keysShipped(),
        report.applied(),
        report.bytesShipped(),
        report.mapBytes(),
        report.bytesRatio(),
        millis,
        after.lost());
    return new Resync(report, millis, after.lost() + copied.lost());
  }

  private record Convergence(double seconds, long lost) {}

  /**
   * Waits until us holds eu's final value of every key (at most 120 s); counts the keys that differ
   * then. Checks every 20 ms: a check reads both maps whole, and checking without pause took a
   * third of the target's CPU away from the replication it waits for (profiled).
   */
  private static Convergence converge(LocalCluster eu, LocalCluster us, String map) {
    IMap<String, String> source = eu.members().get(0).getMap(map);
    IMap<String, String> target = us.members().get(0).getMap(map);
    long from = System.nanoTime();
    long deadline = from + 120_000_000_000L;
    Map<String, String> want = new java.util.HashMap<>(source);
    long lost;
    while (true) {
      Map<String, String> got = target.getAll(want.keySet());
      lost =
          want.entrySet().stream().filter(e -> !e.getValue().equals(got.get(e.getKey()))).count();
      if (lost == 0 || System.nanoTime() >= deadline) {
        break;
      }
      LockSupport.parkNanos(20_000_000L);
    }
    if (lost > 0) {
      ReplicationProbes.describeLost(
          source,
          target,
          eu.members().get(0).getMap(map + ".stamps"),
          us.members().get(0).getMap(map + ".stamps"),
          want);
    }
    return new Convergence((System.nanoTime() - from) / 1e9, lost);
  }

  private static SwarmGridConfig config(String region, String peerCluster, int peerPort, int i) {
    String peer = region.equals("eu") ? "us" : "eu";
    RegionsConfig.Builder regions =
        RegionsConfig.custom()
            .peer(peer, new RegionsConfig.RegionPeer(peerCluster, List.of("127.0.0.1:" + peerPort)))
            .map(MAP, new RegionsConfig.ReplicatedMap(List.of(), "latest-update", ""));
    if (region.equals("eu")) {
      // One way only: us must not send its differences back before the resync is measured.
      regions.map(RESYNC_MAP, new RegionsConfig.ReplicatedMap(List.of("us"), "latest-update", ""));
    }
    return SwarmGridConfig.custom()
        .node(
            NodeConfig.custom()
                .id("bench-" + region + "-" + i)
                .region(region)
                .keyFile(".swarmgrid/bench-keys/{node-id}.key")
                .build())
        .engines(EnginesConfig.of(EnumSet.of(EngineKind.REGION)))
        .regions(regions.build())
        .build();
  }

  private record Listener(long[] lags, AtomicInteger count, AtomicLong measureFrom)
      implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String> {
    @Override
    public void entryAdded(EntryEvent<String, String> e) {
      record(e.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<String, String> e) {
      record(e.getValue());
    }

    private void record(String v) {
      long written = Long.parseLong(v);
      if (written < measureFrom.get()) {
        return;
      }
      int n = count.getAndIncrement();
      if (n < lags.length) {
        lags[n] = System.nanoTime() - written;
      }
    }
  }
}
