package io.swarmgrid.plugin.diffusion.internal;

import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceKind;
import io.swarmgrid.storage.evidence.EvidenceRejectedException;
import io.swarmgrid.storage.evidence.EvidenceStore;
import io.swarmgrid.storage.evidence.SignedPayload;
import io.swarmgrid.storage.reputation.ReputationRule;
import io.swarmgrid.tasks.diffusion.CopyResult;
import io.swarmgrid.tasks.diffusion.DiffusionTask;
import io.swarmgrid.tasks.diffusion.ShareResults;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files {@link EvidenceKind#DISAGREEING_RESULT} evidence against the member node of each copy that
 * was outvoted on a chunk, with the copy's signed statement as material.
 */
final class OutvotedReporter {
  private static final Logger LOG = LoggerFactory.getLogger(OutvotedReporter.class);

  private final DiffusionContext ctx;
  private final EvidenceStore evidence;

  OutvotedReporter(DiffusionContext ctx) {
    this.ctx = ctx;
    this.evidence =
        new EvidenceStore(
            ctx.hz(),
            ReputationRule.of(ctx.node().config().fault()),
            ctx.node().config().fault().maxEvidenceMaterialBytes(),
            new ShareResults(ctx.hz()),
            ctx.node().config().storage().maxEntriesPerMember());
  }

  void report(DiffusionTask task, int chunk, List<CopyResult> minority) {
    for (CopyResult c : minority) {
      ctx.metrics().minorityCopies.incrementAndGet();
      if (c.hostNodeId().equals(ctx.nodeId())) {
        LOG.warn(
            "diffusion: a copy of chunk {} of {} by this member's node {} was outvoted",
            chunk,
            task.taskId(),
            c.nodeId());
        continue;
      }
      String subject = ShareResults.subject(task.taskId(), chunk, c.nodeId());
      try {
        Evidence e =
            Evidence.sign(
                EvidenceKind.DISAGREEING_RESULT,
                c.hostNodeId(),
                subject,
                List.of(new SignedPayload(c.hostNodeId(), c.payload(), c.signature())),
                ctx.nodeId(),
                ctx.node().keys(),
                System.currentTimeMillis());
        EvidenceStore.Submission s = evidence.submit(e, System.currentTimeMillis());
        if (s.counted()) {
          ctx.metrics().evidenceFiled.incrementAndGet();
          LOG.warn(
              "diffusion: node {} (member node {}) was outvoted on chunk {} of {}: evidence {} filed, reputation {}",
              c.nodeId(),
              c.hostNodeId(),
              chunk,
              task.taskId(),
              e.evidenceId(),
              s.accused().score());
        }
      } catch (EvidenceRejectedException e) {
        LOG.warn("diffusion: evidence against {} refused: {}", c.hostNodeId(), e.getMessage());
      }
    }
  }
}
