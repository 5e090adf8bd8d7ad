package io.swarmgrid.plugin.region.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.core.ProcessorMetaSupplier;
import com.hazelcast.jet.core.ProcessorSupplier;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.Sources;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.region.RegionEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic resyncs of a link, after an outage longer than {@code resync-after-millis} or
 * journal events lost: by digest ({@link DigestResync}), so only the keys that differ travel, not
 * the whole map (issue 15). A resync is a one-processor Jet batch job named after its resync
 * window, so writers on several members that recover together start one, not one each.
 */
final class AutoResync {
  private static final Logger LOG = LoggerFactory.getLogger(AutoResync.class);

  private final HazelcastInstance member;
  private final Link link;
  private final LinkStatus status;

  AutoResync(HazelcastInstance member, Link link, LinkStatus status) {
    this.member = member;
    this.link = link;
    this.status = status;
  }

  /**
   * Events the journal overwrote before this member's job read them are found again only by
   * comparing the regions: reported in the status and its last error, and a resync started.
   *
   * @return whether new losses were found
   */
  boolean checkJournalLosses(long now) {
    long lost =
        SwarmGrid.service(member, RegionEngine.class)
            .map(engine -> engine.lostEvents(link.map(), link.target()))
            .orElse(0L);
    if (lost <= status.lostEvents()) {
      return false;
    }
    status.error(
        "journal overflow: "
            + (lost - status.lostEvents())
            + " events of "
            + link.map()
            + " were overwritten before they were read (raise storage.event-journal-capacity); resync by digest started",
        now);
    LOG.warn("{} to region {}: {}", link.map(), link.target(), status.lastError());
    status.lostEvents(lost);
    start(now);
    return true;
  }

  /** Starts the resync of this window unless a writer on another member already did. */
  void start(long now) {
    String epoch = "digest-" + now / link.resyncAfterMillis();
    try {
      JobConfig jc = new JobConfig().setName(link.syncJobName(epoch));
      member.getJet().newJobIfAbsent(pipeline(link), jc);
      status.resynced();
      LOG.info(
          "resync by digest of {} to region {} started (outage or journal overflow)",
          link.map(),
          link.target());
    } catch (RuntimeException e) {
      status.error("resync not started: " + e, now);
    }
  }

  /** A batch job with one processor in the cluster that runs the resync and ends. */
  static Pipeline pipeline(Link link) {
    Pipeline p = Pipeline.create();
    p.readFrom(
            Sources.batchFromProcessor(
                "resync by digest " + link.map(),
                ProcessorMetaSupplier.forceTotalParallelismOne(
                    ProcessorSupplier.of(() -> new DigestResyncP(link)))))
        .writeTo(Sinks.noop());
    return p;
  }
}
