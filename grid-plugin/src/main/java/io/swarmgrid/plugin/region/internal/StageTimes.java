package io.swarmgrid.plugin.region.internal;

import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Where a link's lag goes (issue 15), on the member's registry: {@code
 * swarmgrid.region.replication.to-sink} is write at the origin (the stamp's time) to the change
 * reaching the sink, i.e. journal append, Jet's journal read, stamping and the queues between;
 * {@code swarmgrid.region.replication.delivery} is one change from being sent to the target to its
 * acknowledgement (the judgement and the write there); {@code swarmgrid.region.replication.flush}
 * is one batch retried after a failure until the target took it. Their sum against {@code
 * swarmgrid.region.replication.lag} tells the source side from the target side.
 */
final class StageTimes {
  private final Timer toSink;
  private final Timer flush;
  private final Timer delivery;

  StageTimes(HazelcastInstance member, Link link) {
    MeterRegistry registry =
        SwarmServices.find(member, MeterRegistry.class).orElseGet(SimpleMeterRegistry::new);
    this.toSink = timer(registry, "swarmgrid.region.replication.to-sink", link, "write to sink");
    this.flush =
        timer(registry, "swarmgrid.region.replication.flush", link, "one batch retried to the end");
    this.delivery =
        timer(registry, "swarmgrid.region.replication.delivery", link, "one change sent to acked");
  }

  private static Timer timer(MeterRegistry registry, String name, Link link, String what) {
    return Timer.builder(name)
        .description(what)
        .tag("map", link.map())
        .tag("target", link.target())
        .publishPercentiles(0.5, 0.99)
        .percentilePrecision(2)
        .distributionStatisticExpiry(Duration.ofMinutes(2))
        .register(registry);
  }

  void reachedSink(long stampTime, long now) {
    toSink.record(Math.max(0, now - stampTime), TimeUnit.MILLISECONDS);
  }

  void delivered(long nanos) {
    delivery.record(nanos, TimeUnit.NANOSECONDS);
  }

  void flushed(long nanos) {
    flush.record(nanos, TimeUnit.NANOSECONDS);
  }
}
