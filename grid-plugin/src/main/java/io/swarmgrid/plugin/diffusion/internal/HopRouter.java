package io.swarmgrid.plugin.diffusion.internal;

import com.hazelcast.collection.IQueue;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.tasks.diffusion.DiffusionTask;
import io.swarmgrid.tasks.diffusion.DiffusionTaskState;
import io.swarmgrid.tasks.diffusion.Hop;
import io.swarmgrid.tasks.diffusion.TaskUpdates;
import io.swarmgrid.tasks.diffusion.TopologyNode;
import io.swarmgrid.tasks.diffusion.Visit;
import java.util.concurrent.TimeUnit;

/**
 * Spreads tasks: reads the hops that reach this member's nodes from the member's inbox ({@code
 * IQueue}); a hop that raises the node's energy for its task makes the node hold the task, and is
 * passed to each neighbour with the energy times the task's decay unless that falls under its
 * threshold. A finishing hop asks this member, the task's origin, to merge the result.
 */
public final class HopRouter implements Runnable {
  private final DiffusionContext ctx;
  private final WorkQueue queue;
  private final ResultMerger merger;
  private final IQueue<Hop> inbox;

  HopRouter(DiffusionContext ctx, WorkQueue queue, ResultMerger merger) {
    this.ctx = ctx;
    this.queue = queue;
    this.merger = merger;
    this.inbox = ctx.hz().getQueue(Hop.inbox(ctx.nodeId()));
  }

  @Override
  public void run() {
    while (ctx.running() && !Thread.currentThread().isInterrupted()) {
      try {
        Hop hop = inbox.poll(500, TimeUnit.MILLISECONDS);
        if (hop != null) {
          handle(hop);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (!ctx.running()) {
          return;
        }
        BackgroundFailures.report("diffusion.hop", e);
      }
    }
  }

  private void handle(Hop hop) {
    ctx.metrics().hopsReceived.incrementAndGet();
    DiffusionTask task = ctx.tasks().get(hop.taskId());
    if (task == null) {
      return;
    }
    if (hop.finish()) {
      merger.finish(task);
      return;
    }
    if (!task.information() && task.state() != DiffusionTaskState.RUNNING) {
      return;
    }
    TopologyNode self = ctx.keeper().view().get(hop.toNode());
    if (self == null || !self.hostUuid().equals(ctx.memberUuid())) {
      return;
    }
    long ttl = (long) ctx.config().maxTaskAgeSeconds() + ctx.config().finishedTaskTtlSeconds();
    boolean raised =
        ctx.visits()
            .executeOnKey(
                Visit.key(task.taskId(), hop.toNode()),
                TaskUpdates.visit(
                    task.taskId(), hop.toNode(), hop.energy(), System.currentTimeMillis(), ttl));
    if (!raised) {
      return;
    }
    if (!task.information() && !stillRunning(task.taskId())) {
      // The task finished between the read above and the visit: its state was dropped before
      // the visit was written, which would then outlive it (to its TTL, past the task's own).
      // Finishing marks the task before it drops the visits, so one of the two removes it.
      ctx.visits().delete(Visit.key(task.taskId(), hop.toNode()));
      return;
    }
    if (!task.information()) {
      queue.hold(task, hop.toNode());
    }
    double next = hop.energy() * task.decay();
    if (next < task.threshold()) {
      return;
    }
    for (String target : ctx.keeper().spreadTargets(hop.toNode())) {
      TopologyNode to = ctx.keeper().view().get(target);
      if (to != null
          && ctx.send(
              to.hostNodeId(), new Hop(task.taskId(), to.nodeId(), next, hop.toNode(), false))) {
        ctx.metrics().hopsSent.incrementAndGet();
      }
    }
  }

  private boolean stillRunning(String taskId) {
    DiffusionTask now = ctx.tasks().get(taskId);
    return now != null && now.state() == DiffusionTaskState.RUNNING;
  }
}
