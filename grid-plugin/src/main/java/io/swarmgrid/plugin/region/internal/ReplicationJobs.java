package io.swarmgrid.plugin.region.internal;

import com.hazelcast.jet.core.ProcessorMetaSupplier;
import com.hazelcast.jet.core.processor.SinkProcessors;
import com.hazelcast.jet.pipeline.JournalInitialPosition;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.ServiceFactories;
import com.hazelcast.jet.pipeline.ServiceFactory;
import com.hazelcast.jet.pipeline.Sink;
import com.hazelcast.jet.pipeline.SinkBuilder;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.Sources;
import com.hazelcast.jet.pipeline.StreamSource;
import com.hazelcast.map.EventJournalMapEvent;

/** The Jet pipelines of replication across regions. */
public final class ReplicationJobs {
  /**
   * Stamps in flight per stamping processor. A stamp is two asynchronous calls on the member owning
   * the key (about 0.1 ms each when quiet); 10k changes/s keep a few in flight, a burst more.
   */
  static final int STAMPS_IN_FLIGHT = 512;

  /**
   * Writers per member of a streaming job. A writer delivers a batch and waits for the target's
   * acknowledgement of all of it before Jet hands it the next: one writer left the pipeline idle
   * during every flush and was where the lag went once stamping no longer blocked. Changes are
   * partitioned by key, so the changes of one key still go to one writer, in order.
   */
  static final int WRITERS_PER_MEMBER = 4;

  private ReplicationJobs() {}

  /**
   * The side map holding the {@code ReplicationStamp}s of {@code map}'s entries, under the same
   * keys.
   */
  public static String stampMapName(String map) {
    return map + ".stamps";
  }

  /**
   * The streaming job of a link: the map's event journal from the oldest event it holds (puts,
   * updates, merges, removals), each change stamped asynchronously on the member that owns it
   * (changes that arrived by replication are dropped here), then delivered to the target region.
   * The changes of a key go to one stamper and one writer, in order.
   */
  public static Pipeline stream(Link link) {
    // The projection runs where the journal lives and its result travels serialized: keep
    // Hazelcast's
    // own event type there and make Changes on the reading side.
    StreamSource<EventJournalMapEvent<Object, Object>> journal =
        Sources.<EventJournalMapEvent<Object, Object>, Object, Object>mapJournal(
            link.map(), JournalInitialPosition.START_FROM_OLDEST, e -> e, Change::replicable);
    Pipeline p = Pipeline.create();
    p.readFrom(journal)
        .withoutTimestamps()
        .setName("journal " + link.map())
        .map(Change::of)
        .groupingKey(Change::key)
        .mapUsingServiceAsync(
            asyncStamper(link),
            STAMPS_IN_FLIGHT,
            true,
            (stamper, key, change) -> stamper.stamp(change))
        .setName("stamp")
        .writeTo(streamWriters(link))
        .setLocalParallelism(WRITERS_PER_MEMBER);
    return p;
  }

  /**
   * A full copy of the map to the target (batch): every entry this region originated or that has no
   * stamp yet; entries that arrived by replication are left to their own origin's copy. Safe to run
   * beside the streaming job: the target's conflict policy keeps the newer state.
   */
  public static Pipeline fullSync(Link link) {
    Pipeline p = Pipeline.create();
    p.readFrom(Sources.<Object, Object>map(link.map()))
        .map(Change::of)
        .mapUsingService(stamper(link), Stamper::stamp)
        .setLocalParallelism(1)
        .writeTo(writer(link, false));
    return p;
  }

  private static ServiceFactory<?, Stamper> stamper(Link link) {
    String map = link.map();
    String region = link.source();
    long ttl = link.tombstoneTtlSeconds();
    return ServiceFactories.nonSharedService(
            ctx -> new Stamper(ctx.hazelcastInstance(), map, region, ttl))
        .toNonCooperative();
  }

  private static ServiceFactory<?, AsyncStamper> asyncStamper(Link link) {
    String map = link.map();
    String region = link.source();
    long ttl = link.tombstoneTtlSeconds();
    return ServiceFactories.nonSharedService(
        ctx -> new AsyncStamper(ctx.hazelcastInstance(), map, region, ttl), AsyncStamper::close);
  }

  private static Sink<Shipment> streamWriters(Link link) {
    return Sinks.fromProcessor(
        "to " + link.target(),
        ProcessorMetaSupplier.of(
            WRITERS_PER_MEMBER,
            SinkProcessors.<RegionWriter, Shipment>writeBufferedP(
                ctx -> new RegionWriter(ctx, link, true),
                RegionWriter::add,
                RegionWriter::flush,
                RegionWriter::close)),
        Shipment::key);
  }

  private static Sink<Shipment> writer(Link link, boolean publishes) {
    return SinkBuilder.sinkBuilder(
            "to " + link.target(), ctx -> new RegionWriter(ctx, link, publishes))
        .<Shipment>receiveFn(RegionWriter::add)
        .flushFn(RegionWriter::flush)
        .destroyFn(RegionWriter::close)
        .preferredLocalParallelism(1)
        .build();
  }
}
