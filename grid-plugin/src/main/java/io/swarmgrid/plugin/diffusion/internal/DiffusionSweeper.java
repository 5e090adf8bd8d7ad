package io.swarmgrid.plugin.diffusion.internal;

import io.swarmgrid.tasks.diffusion.DiffusionTask;
import io.swarmgrid.tasks.diffusion.DiffusionTaskState;
import io.swarmgrid.tasks.diffusion.Hop;
import io.swarmgrid.tasks.diffusion.ShareState;
import io.swarmgrid.tasks.diffusion.TaskUpdates;
import io.swarmgrid.tasks.diffusion.TopologyNode;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upkeep of the tasks whose entries this member owns: finish those all agreed whose merge was
 * missed, record on a stalled task the chunks agreed next to them but not on the task, inject again
 * those that made no progress for {@code stall-millis}, expire those older than {@code
 * max-task-age-seconds}. Also refreshes the quarantine view the workers read.
 */
public final class DiffusionSweeper implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(DiffusionSweeper.class);

  private final DiffusionContext ctx;
  private final QuarantineView quarantine;
  private final ResultMerger merger;

  DiffusionSweeper(DiffusionContext ctx, QuarantineView quarantine, ResultMerger merger) {
    this.ctx = ctx;
    this.quarantine = quarantine;
    this.merger = merger;
  }

  @Override
  public void run() {
    long now = System.currentTimeMillis();
    quarantine.refresh();
    for (String id : ctx.tasks().localKeySet()) {
      DiffusionTask t = ctx.tasks().get(id);
      if (t == null || t.state() != DiffusionTaskState.RUNNING) {
        continue;
      }
      if (now - t.createdAt() > ctx.config().maxTaskAgeSeconds() * 1000L) {
        expire(t, now);
        continue;
      }
      if (t.allAgreed()) {
        if (now - t.lastProgressAt() > Math.min(2_000, ctx.config().stallMillis())) {
          merger.finish(t);
        }
        continue;
      }
      if (now - t.lastProgressAt() >= ctx.config().stallMillis() && recordAgreedChunks(t, now)) {
        continue;
      }
      if (ctx.tasks().executeOnKey(id, TaskUpdates.reinject(now, ctx.config().stallMillis()))) {
        reinject(t);
      }
    }
  }

  /**
   * Records on {@code t} the chunks whose shares are agreed but which the task does not list: the
   * member whose copy agreed a chunk marks the task next, and if it dies in between (or its copy
   * was handed in again on a new partition owner after the old one died, and found the chunk
   * already agreed) nobody else would. Workers that find a chunk agreed do not mark the task, so
   * that the task's entry is not written once per member per chunk. Returns whether any was
   * missing.
   */
  private boolean recordAgreedChunks(DiffusionTask t, long now) {
    BitSet agreed = t.agreed();
    Set<String> keys = new HashSet<>();
    for (int i = agreed.nextClearBit(0); i < t.chunks().size(); i = agreed.nextClearBit(i + 1)) {
      keys.add(ShareState.key(t.taskId(), i));
    }
    DiffusionTask latest = null;
    int recorded = 0;
    for (ShareState s : ctx.shares().getAll(keys).values()) {
      if (s.isAgreed()) {
        latest = ctx.tasks().executeOnKey(t.taskId(), TaskUpdates.agreed(s.chunk(), now));
        recorded++;
      }
    }
    if (latest == null) {
      return false;
    }
    LOG.info(
        "diffusion: task {} had {} chunk(s) agreed but not recorded on it (the member that agreed"
            + " them left, or its update failed): recorded now",
        t.taskId(),
        recorded);
    if (latest.allAgreed()) {
      merger.finish(latest);
    }
    return true;
  }

  private void expire(DiffusionTask t, long now) {
    if (ctx.tasks()
        .executeOnKey(
            t.taskId(),
            TaskUpdates.finish(
                DiffusionTaskState.EXPIRED,
                null,
                now,
                ctx.nodeId(),
                ctx.config().finishedTaskTtlSeconds()))) {
      LOG.warn(
          "diffusion: task {} expired after {} s with {}/{} chunks agreed",
          t.taskId(),
          ctx.config().maxTaskAgeSeconds(),
          t.chunksAgreed(),
          t.chunks().size());
      merger.dropState(t);
    }
  }

  private void reinject(DiffusionTask t) {
    Map<String, TopologyNode> view = ctx.keeper().view();
    TopologyNode at = view.get(t.originNode());
    if (at == null) {
      at = view.get(ctx.nodeId());
    }
    if (at == null) {
      return;
    }
    ctx.metrics().reinjections.incrementAndGet();
    merger.forgetVisits(t);
    ctx.send(at.hostNodeId(), new Hop(t.taskId(), at.nodeId(), t.energy(), "", false));
    LOG.info(
        "diffusion: task {} made no progress for {} ms: injected again at {}",
        t.taskId(),
        ctx.config().stallMillis(),
        at.nodeId());
  }
}
