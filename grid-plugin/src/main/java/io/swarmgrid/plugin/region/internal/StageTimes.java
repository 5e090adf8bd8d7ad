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
 * the source side from the target side. Times count from {@link Shipment#writtenAt} (Hazelcast
 * keeps update times in whole seconds; counted from those, to-sink read half a second high). Of the
 * to-sink time, {@code ...stamp} is the journal read to stamped (with the wait behind earlier
 * changes of the key) and {@code ...to-writer} stamped to the writer taking it (the ordered
 * stamping stage's and the writers' queues); the rest is the journal's. Changes not read from the
 * journal (full copies, resyncs) count in to-sink only.
 */
final class StageTimes {
  private final Timer toSink;
  private final Timer stamp;
  private final Timer toWriter;
  private final Timer flush;

  StageTimes(HazelcastInstance member, Link link) {
    MeterRegistry registry =
        SwarmServices.find(member, MeterRegistry.class).orElseGet(SimpleMeterRegistry::new);
    this.toSink = timer(registry, "swarmgrid.region.replication.to-sink", link, "write to sink");
    this.stamp = timer(registry, "swarmgrid.region.replication.stamp", link, "read to stamped");
    this.toWriter =
        timer(registry, "swarmgrid.region.replication.to-writer", link, "stamped to writer");
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

  /** Records the stages of {@code s}, which reached a writer at {@code now}. */
  void reachedSink(Shipment s, long now) {
    toSink.record(Math.max(0, now - s.writtenAt()), TimeUnit.MILLISECONDS);
    if (s.readAt() > 0) {
      stamp.record(Math.max(0, s.stampedAt() - s.readAt()), TimeUnit.MILLISECONDS);
      toWriter.record(Math.max(0, now - s.stampedAt()), TimeUnit.MILLISECONDS);
    }
  }

  void flushed(long nanos) {
    flush.record(nanos, TimeUnit.NANOSECONDS);
  }
}
