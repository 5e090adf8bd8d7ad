package io.swarmgrid.plugin.propagation.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.swarmgrid.storage.propagation.PropagationCounts;
import io.swarmgrid.storage.propagation.PropagationStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counts of one member's propagation and its meters {@code swarmgrid.propagation.*}: totals of
 * updates, deliveries, bytes, drops and degradations; publication-to-send latency per stream (tag
 * {@code state}) and per target (tag {@code node}) as Micrometer timers with a percentile
 * histogram; and where the time goes, per stage, as timers {@code swarmgrid.propagation.stage} (tag
 * {@code stage}): {@code arrive} (the source's publication to the owner's receipt: the publish call
 * and its wait behind the state's previous batch), {@code record} (checks, the head written and the
 * offers to every target, per publish batch), {@code wait} (offer to the scheduler's decision:
 * budget and a target's batch in flight), {@code send} (one inbox offer of a bundle).
 */
public final class PropagationMetrics {
  private final MeterRegistry meters;
  private final AtomicLong updates = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong degraded = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Map<String, Stream> streams = new ConcurrentHashMap<>();
  private final Map<String, Timer> targets = new ConcurrentHashMap<>();
  private final AtomicLong bundles = new AtomicLong();
  private final Map<String, Timer> stages = new ConcurrentHashMap<>();

  private static final class Stream {
    final AtomicLong updates = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong degraded = new AtomicLong();
    final Timer latency;

    Stream(Timer latency) {
      this.latency = latency;
    }
  }

  /** Registers the meters in {@code meters}. */
  public PropagationMetrics(MeterRegistry meters) {
    this.meters = meters;
    counter("swarmgrid.propagation.updates", updates, "updates published on this member");
    counter("swarmgrid.propagation.sent", sent, "deliveries put in inboxes");
    counter("swarmgrid.propagation.bytes", bytes, "bytes of the deliveries");
    counter("swarmgrid.propagation.dropped", dropped, "deltas replaced before they were sent");
    counter("swarmgrid.propagation.degraded", degraded, "deliveries below the target's quality");
    counter("swarmgrid.propagation.failed", failed, "deliveries an inbox refused");
    counter("swarmgrid.propagation.bundles", bundles, "inbox messages carrying deliveries");
  }

  /** Records {@code nanos} spent in {@code stage} (arrive, record, wait, send). */
  public void stage(String stage, long nanos) {
    stages
        .computeIfAbsent(
            stage,
            st ->
                Timer.builder("swarmgrid.propagation.stage")
                    .description("time an update spends in one stage of its propagation")
                    .tag("stage", st)
                    .publishPercentiles(0.5, 0.99)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(10_000))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(meters))
        .record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
  }

  void bundleSent(long nanos) {
    bundles.incrementAndGet();
    stage("send", nanos);
  }

  private void counter(String name, AtomicLong value, String description) {
    FunctionCounter.builder(name, value, AtomicLong::get).description(description).register(meters);
  }

  /** Counts an update recorded for {@code stateId}. */
  public void published(String stateId) {
    updates.incrementAndGet();
    stream(stateId).updates.incrementAndGet();
  }

  /** Counts a delivery of {@code stateId} dropped for a target. */
  public void dropped(String stateId) {
    dropped(stateId, 1);
  }

  /** Counts {@code n} deliveries of {@code stateId} dropped. */
  public void dropped(String stateId, long n) {
    dropped.addAndGet(n);
    stream(stateId).dropped.addAndGet(n);
  }

  void failed() {
    failed.incrementAndGet();
  }

  /**
   * Counts a bundle's deliveries, sent at {@code nowMillis} to one target. The stream's latency is
   * recorded per delivery; the {@code wait} stage and the target's latency once per bundle, with
   * its longest (the histograms were a large part of the fan-out's cost per delivery).
   */
  void sent(List<Send<Outgoing>> bundle, long nowMillis) {
    long longestWait = 0;
    long oldest = Long.MAX_VALUE;
    long bundleBytes = 0;
    int bundleDegraded = 0;
    for (Send<Outgoing> s : bundle) {
      Stream st = stream(s.candidate().stateId());
      long publishedAt = s.candidate().payload().update().publishedAt();
      st.sent.incrementAndGet();
      st.bytes.addAndGet(s.bytes());
      if (s.degraded()) {
        st.degraded.incrementAndGet();
        bundleDegraded++;
      }
      st.latency.record(Math.max(0, nowMillis - publishedAt), TimeUnit.MILLISECONDS);
      longestWait = Math.max(longestWait, s.waitedNanos());
      oldest = Math.min(oldest, publishedAt);
      bundleBytes += s.bytes();
    }
    if (bundle.isEmpty()) {
      return;
    }
    sent.addAndGet(bundle.size());
    bytes.addAndGet(bundleBytes);
    degraded.addAndGet(bundleDegraded);
    stage("wait", longestWait);
    targets
        .computeIfAbsent(
            bundle.get(0).target(), t -> timer("swarmgrid.propagation.target.latency", "node", t))
        .record(Math.max(0, nowMillis - oldest), TimeUnit.MILLISECONDS);
  }

  /** This member's counts, per stream and per target ({@code counts} from the scheduler). */
  public PropagationStats stats(String member, Map<String, TargetCounts> counts) {
    List<PropagationCounts> perStream = new ArrayList<>();
    streams.forEach(
        (id, s) ->
            perStream.add(
                new PropagationCounts(
                    id,
                    s.updates.get(),
                    s.sent.get(),
                    s.bytes.get(),
                    s.dropped.get(),
                    s.degraded.get(),
                    s.latency.mean(TimeUnit.MILLISECONDS),
                    s.latency.max(TimeUnit.MILLISECONDS),
                    p99(s.latency),
                    0)));
    List<PropagationCounts> perTarget = new ArrayList<>();
    counts.forEach(
        (node, c) -> {
          Timer t = targets.get(node);
          perTarget.add(
              new PropagationCounts(
                  node,
                  c.offered(),
                  c.sent(),
                  c.bytes(),
                  c.dropped(),
                  c.degraded(),
                  t == null ? 0 : t.mean(TimeUnit.MILLISECONDS),
                  t == null ? 0 : t.max(TimeUnit.MILLISECONDS),
                  t == null ? 0 : p99(t),
                  c.budget()));
        });
    return new PropagationStats(member, perStream, perTarget);
  }

  private Stream stream(String stateId) {
    return streams.computeIfAbsent(
        stateId, id -> new Stream(timer("swarmgrid.propagation.latency", "state", id)));
  }

  private Timer timer(String name, String tag, String value) {
    return Timer.builder(name)
        .description("publication of a state update to its delivery in an inbox")
        .tag(tag, value)
        .publishPercentiles(0.99)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(meters);
  }

  private static double p99(Timer t) {
    for (ValueAtPercentile v : t.takeSnapshot().percentileValues()) {
      if (v.percentile() == 0.99) {
        return v.value(TimeUnit.MILLISECONDS);
      }
    }
    return 0;
  }
}
