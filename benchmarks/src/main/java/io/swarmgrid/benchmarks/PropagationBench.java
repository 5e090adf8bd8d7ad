package io.swarmgrid.benchmarks;

import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.swarmgrid.client.ClientNode;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.client.propagation.PropagationClient;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.PropagationConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.PropagationStats;
import io.swarmgrid.storage.propagation.StateDelivery;
import io.swarmgrid.storage.propagation.StatePublisher;
import io.swarmgrid.storage.propagation.StateUpdate;
import io.swarmgrid.storage.propagation.StateView;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./swarmgrid bench propagation}: on 3 members in this JVM (ports from {@code
 * swarmgrid.bench.basePort}, 8400 by default), one source publishes 1 KB updates of one state at
 * 2,000/s (a keyframe every 100, three quality levels) to 200 subscribers in the same client (10%
 * critical, 30% high, 30% medium, 30% low; medium and low under the smallest budget the config
 * allows, which cannot carry every update); a high subscriber joins halfway. Beside it, in the same
 * run, 4 threads offer the same delivery bytes to a raw {@code IQueue}.
 *
 * <p>The source keeps at most 256 sends outstanding. An update's latency counts from its send, so
 * the time it waited for that cap is not in {@code urgent_p50_ms}/{@code urgent_p99_ms}; {@code
 * send_late_p50_ms}/{@code send_late_p99_ms} say how late against the schedule updates were sent.
 */
final class PropagationBench {
  private static final String STATE = "bench.weights";
  private static final int PAYLOAD = 1024;

  /** The goal's 2,000/s; other rates (system property) tell queueing from pauses (issue 17). */
  private static final int RATE = Integer.getInteger("swarmgrid.bench.propagation.rate", 2_000);

  private static final PropagationConfig CONFIG =
      PropagationConfig.custom().maxPayloadBytes(2 * PAYLOAD).degradeAfterMillis(20).build();

  private PropagationBench() {}

  static String run(boolean quick) throws Exception {
    int subscribers = quick ? 100 : 200;
    int seconds = quick ? 5 : 15;
    try (LocalCluster cluster =
            LocalCluster.start(
                "swarmgrid-bench-propagation",
                Integer.getInteger("swarmgrid.bench.basePort", 8400),
                3,
                i ->
                    SwarmGridConfig.custom()
                        .node(
                            NodeConfig.custom()
                                .id("bench-" + i)
                                .keyFile(".swarmgrid/bench-keys/{node-id}.key")
                                .build())
                        .engines(
                            EnginesConfig.of(
                                EnumSet.of(EngineKind.MESSAGING, EngineKind.PROPAGATION)))
                        .propagation(CONFIG)
                        .build());
        SwarmClient client =
            SwarmClient.connect(
                SwarmClientConfig.of(
                    "swarmgrid-bench-propagation", cluster.addresses().toArray(String[]::new)))) {
      PropagationClient propagation = client.propagation();
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      long budget = PropagationConfig.minimumBudget(CONFIG.maxPayloadBytes());
      List<BenchSubscriber> subs = new ArrayList<>();
      for (int i = 0; i < subscribers; i++) {
        InterestLevel level = levelOf(i, subscribers);
        boolean budgeted = level == InterestLevel.MEDIUM || level == InterestLevel.LOW;
        String id = "sub-" + i;
        subs.add(
            new BenchSubscriber(
                id,
                level,
                budgeted ? budget : 0,
                client.messenger(id, "default", budgeted ? NodeTier.EDGE : NodeTier.CLOUD),
                meters));
        if (budgeted) {
          propagation.budget(id, budget);
        }
        propagation.declare(STATE, id, level);
      }
      ClientNode trainer =
          client.joinAsNode(
              "bench-trainer", NodeKeys.generate(), "default", NodeTier.CLOUD, List.of());
      StatePublisher publisher = propagation.publisher(trainer);

      Semaphore inFlight = new Semaphore(256);
      AtomicLong published = new AtomicLong();
      AtomicLong refused = new AtomicLong();
      long total = (long) RATE * seconds;
      long lateJoinerMs = -1;
      Timer sendLate =
          Timer.builder("bench.propagation.send.late")
              .publishPercentiles(0.5, 0.99)
              .publishPercentileHistogram()
              .register(meters);
      long t0 = System.nanoTime();
      CompletableFuture<Integer> last = null;
      for (long n = 1; n <= total; n++) {
        long due = t0 + n * TimeUnit.SECONDS.toNanos(1) / RATE;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        inFlight.acquire();
        // Late against the schedule when sent: the update's own clock starts only at the send.
        sendLate.record(Math.max(0, System.nanoTime() - due), TimeUnit.NANOSECONDS);
        last =
            publisher
                .send(STATE, n % 100 == 1, Priority.NORMAL, qualities(n))
                .whenComplete(
                    (r, e) -> {
                      inFlight.release();
                      (e == null ? published : refused).incrementAndGet();
                    });
        if (n == total / 2) {
          lateJoinerMs = lateJoiner(client, propagation, meters);
        }
      }
      inFlight.acquire(256);
      double publishSeconds = (System.nanoTime() - t0) / 1e9;
      last.exceptionally(e -> 0).join();
      StateUpdate fin = propagation.head(STATE).orElseThrow().latest();
      boolean converged = awaitConverged(subs, fin);
      double windowSeconds = (System.nanoTime() - t0) / 1e9;
      long deliveries = subs.stream().mapToLong(s -> s.subscriber.received()).sum();
      double deliveriesPerSecond = deliveries / windowSeconds;
      long violations = subs.stream().mapToLong(BenchSubscriber::budgetViolations).sum();
      // Deliveries a subscriber held for an earlier one (StreamOrder), and waits given up.
      long held = subs.stream().mapToLong(s -> s.subscriber.heldForEarlier()).sum();
      long heldGivenUp = subs.stream().mapToLong(s -> s.subscriber.heldGivenUp()).sum();

      long sentBytes = 0;
      long dropped = 0;
      long degraded = 0;
      for (PropagationStats s : propagation.stats()) {
        for (var c : s.streams()) {
          sentBytes += c.bytes();
          dropped += c.dropped();
          degraded += c.degraded();
        }
      }
      byte[] fullDelivery = StateDelivery.of(fin, 0).toBytes();
      double naive = (double) total * subscribers * fullDelivery.length;
      double bytesRatio = sentBytes / naive;
      double urgentP99 = p99(meters, "critical");
      double urgentP50 = percentileOf(meters, "critical", 0.5);
      String stages = stages(cluster.members());
      double rawPerSecond = rawOffers(client, fullDelivery, quick ? 20_000 : 60_000);
      System.err.printf(
          "propagation: %d updates in %.1f s to %d subscribers, %d deliveries in %.1f s (%.0f/s),"
              + " %d dropped, %d degraded, bytes %.3f of full fan-out; raw IQueue %.0f offers/s%n",
          total,
          publishSeconds,
          subscribers,
          deliveries,
          windowSeconds,
          deliveriesPerSecond,
          dropped,
          degraded,
          bytesRatio,
          rawPerSecond);
      subs.forEach(s -> s.mailbox.close());
      return String.format(
          "BENCH propagation subscribers=%d updates=%d refused=%d rate=%d urgent_p99_ms=%.1f"
              + " urgent_p50_ms=%.1f"
              + " budget_violations=%d converged=%s bytes_ratio=%.3f late_joiner_ms=%d"
              + " deliveries_per_s=%.0f raw_offers_per_s=%.0f ratio=%.2f dropped=%d degraded=%d"
              + " published_per_s=%.0f send_late_p50_ms=%.1f send_late_p99_ms=%.1f"
              + " held_for_earlier=%d held_given_up=%d %s",
          subscribers,
          published.get(),
          refused.get(),
          RATE,
          urgentP99,
          urgentP50,
          violations,
          converged,
          bytesRatio,
          lateJoinerMs,
          deliveriesPerSecond,
          rawPerSecond,
          deliveriesPerSecond / rawPerSecond,
          dropped,
          degraded,
          published.get() / publishSeconds,
          percentile(sendLate, 0.5),
          percentile(sendLate, 0.99),
          held,
          heldGivenUp,
          stages);
    }
  }

  /**
   * Where the time goes: the members' p99 and p50 of each propagation stage (the largest over
   * members; one member owns the bench's state) and the inbox messages (bundles) sent.
   */
  private static String stages(List<HazelcastInstance> members) {
    StringBuilder out = new StringBuilder();
    StringBuilder medians = new StringBuilder();
    for (String stage : List.of("arrive", "turn", "record", "offer", "wait", "send")) {
      double p99 = 0;
      double p50 = 0;
      for (HazelcastInstance m : members) {
        MeterRegistry r = SwarmServices.find(m, MeterRegistry.class).orElse(null);
        Timer t =
            r == null ? null : r.find("swarmgrid.propagation.stage").tag("stage", stage).timer();
        if (t != null) {
          p99 = Math.max(p99, percentile(t, 0.99));
          p50 = Math.max(p50, percentile(t, 0.5));
        }
      }
      out.append(String.format("%s_p99_ms=%.1f ", stage, p99));
      medians.append(String.format("%s_p50_ms=%.2f ", stage, p50));
    }
    out.append(medians);
    double bundles = 0;
    for (HazelcastInstance m : members) {
      MeterRegistry r = SwarmServices.find(m, MeterRegistry.class).orElse(null);
      FunctionCounter c =
          r == null ? null : r.find("swarmgrid.propagation.bundles").functionCounter();
      bundles += c == null ? 0 : c.count();
    }
    return out.append(String.format("bundles=%.0f", bundles)).toString();
  }

  /** 10% critical, 30% high, 30% medium, 30% low. */
  private static InterestLevel levelOf(int i, int n) {
    double at = (double) i / n;
    if (at < 0.1) {
      return InterestLevel.CRITICAL;
    }
    if (at < 0.4) {
      return InterestLevel.HIGH;
    }
    return at < 0.7 ? InterestLevel.MEDIUM : InterestLevel.LOW;
  }

  /** Full 1 KB, then 8 of 16 bits per weight, then 4 (the stream's degradation). */
  private static List<byte[]> qualities(long n) {
    byte[] full = new byte[PAYLOAD];
    Arrays.fill(full, (byte) n);
    return List.of(full, Arrays.copyOf(full, PAYLOAD / 2), Arrays.copyOf(full, PAYLOAD / 4));
  }

  private static long lateJoiner(
      SwarmClient client, PropagationClient propagation, SimpleMeterRegistry meters) {
    BenchSubscriber late =
        new BenchSubscriber(
            "sub-late",
            InterestLevel.HIGH,
            0,
            client.messenger("sub-late", "default", NodeTier.CLOUD),
            meters);
    // Waits for the first state applied; it spun on the view before, which took one of the
    // machine's two cores from the members while the stream ran.
    CountDownLatch holdsState = new CountDownLatch(1);
    late.subscriber.onApplied(v -> holdsState.countDown());
    long start = System.nanoTime();
    propagation.declare(STATE, late.id, InterestLevel.HIGH);
    try {
      holdsState.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    if (late.subscriber.view(STATE).isEmpty()) {
      // What the members did for it, to find where its state stopped.
      System.err.printf(
          "propagation: the late joiner holds no state after %d ms: members' counts %s,"
              + " deliveries received %d%n",
          ms, propagation.nodeStats(late.id), late.subscriber.received());
    }
    return ms;
  }

  private static boolean awaitConverged(List<BenchSubscriber> subs, StateUpdate fin)
      throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < until) {
      boolean all = true;
      for (BenchSubscriber s : subs) {
        StateView v = s.subscriber.view(STATE).orElse(null);
        if (v == null
            || v.seq() != fin.seq()
            || !Arrays.equals(v.latest().payload(), fin.qualities().get(v.latest().quality()))) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
    return false;
  }

  private static double p99(SimpleMeterRegistry meters, String level) {
    return percentileOf(meters, level, 0.99);
  }

  private static double percentileOf(SimpleMeterRegistry meters, String level, double p) {
    Timer t = meters.find("swarmgrid.propagation.applied.latency").tag("node", level).timer();
    return t == null ? -1 : percentile(t, p);
  }

  private static double percentile(Timer t, double p) {
    for (ValueAtPercentile v : t.takeSnapshot().percentileValues()) {
      if (v.percentile() == p) {
        return v.value(TimeUnit.MILLISECONDS);
      }
    }
    return -1;
  }

  /** Offers per second of {@code payload} to a raw IQueue by 4 threads (drained after). */
  private static double rawOffers(SwarmClient client, byte[] payload, int count)
      throws InterruptedException {
    IQueue<byte[]> raw = client.hazelcast().getQueue("bench.propagation.raw");
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < 4; t++) {
      Thread th =
          io.swarmgrid.storage.runtime.SwarmThreads.factory("bench-raw-" + t)
              .newThread(
                  () -> {
                    for (int i = 0; i < count / 4; i++) {
                      raw.offer(payload);
                    }
                  });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    double perSecond = count / ((System.nanoTime() - start) / 1e9);
    raw.destroy();
    return perSecond;
  }
}
