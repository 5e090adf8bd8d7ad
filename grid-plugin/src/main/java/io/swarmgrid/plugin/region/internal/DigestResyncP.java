package io.swarmgrid.plugin.region.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.core.Outbox;
import com.hazelcast.jet.core.Processor;
import com.hazelcast.jet.core.Watermark;
import io.swarmgrid.plugin.region.ResyncReport;
import io.swarmgrid.storage.runtime.SwarmServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one processor of an automatic resync's job: runs a {@link DigestResync} and logs it. */
final class DigestResyncP implements Processor {
  private static final Logger LOG = LoggerFactory.getLogger(DigestResyncP.class);

  private final Link link;
  private HazelcastInstance member;

  DigestResyncP(Link link) {
    this.link = link;
  }

  @Override
  public boolean isCooperative() {
    return false; // the resync blocks on the target region
  }

  @Override
  public void init(Outbox outbox, Context context) {
    member = context.hazelcastInstance();
  }

  @Override
  public boolean tryProcessWatermark(Watermark watermark) {
    return true;
  }

  @Override
  public boolean complete() {
    ResyncReport report = new DigestResync(member, link).run();
    SwarmServices.find(member, ResyncLog.class).ifPresent(log -> log.record(link, report));
    LOG.info(
        "resync by digest of {} to region {}: {} of {} buckets differed, {} keys shipped, {} applied, {} bytes ({} of the map)",
        link.map(),
        link.target(),
        report.differingBuckets(),
        report.buckets(),
        report.keysShipped(),
        report.applied(),
        report.bytesShipped(),
        String.format("%.4f", report.bytesRatio()));
    return true;
  }
}
