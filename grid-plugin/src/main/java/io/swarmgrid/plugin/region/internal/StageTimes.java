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
 * {@code swarmgrid.region.replication.flush} is one sink flush, the delivery of a batch to the
 * target and its acknowledgement. Their sum against {@code swarmgrid.region.replication.lag} tells
 * the source side from the target side.
 */
final class StageTimes {
  private final Timer toSink;
  private final Timer flush;

  StageTimes(HazelcastInstance member, Link link) {
    MeterRegistry registry =
        SwarmServices.find(member, MeterRegistry.class).orElseGet(SimpleMeterRegistry::new);
    this.toSink = timer(registry, "swarmgrid.region.replication.to-sink", link, "write to sink");
    this.flush = timer(registry, "swarmgrid.region.replication.flush", link, "one sink flush");
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

  void flushed(long nanos) {
    flush.record(nanos, TimeUnit.NANOSECONDS);
  }
}
