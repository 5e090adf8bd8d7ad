package io.swarmgrid.plugin.diffusion.internal;

import com.hazelcast.query.Predicates;
import io.swarmgrid.tasks.diffusion.DiffusionTask;
import io.swarmgrid.tasks.diffusion.DiffusionTaskState;
import io.swarmgrid.tasks.diffusion.Hop;
import io.swarmgrid.tasks.diffusion.ShareState;
import io.swarmgrid.tasks.diffusion.TaskUpdates;
import io.swarmgrid.tasks.diffusion.TopologyNode;
import io.swarmgrid.tasks.workload.Workload;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a task's result once all its chunks are agreed: the origin merges the agreed results
 * with the task's workload and finishes the task (once, whoever asks), then its chunk and visit
 * state is dropped. A task whose origin is gone is merged where it is asked.
 */
public final class ResultMerger {
  private static final Logger LOG = LoggerFactory.getLogger(ResultMerger.class);

  private final DiffusionContext ctx;
  private final WorkloadCache workloads;

  ResultMerger(DiffusionContext ctx, WorkloadCache workloads) {
    this.ctx = ctx;
    this.workloads = workloads;
  }

  /** Asks the task's origin to merge it, or merges it here if the origin is here or gone. */
  void askOriginToFinish(DiffusionTask task) {
    TopologyNode origin = ctx.keeper().view().get(task.originNode());
    if (origin != null
        && !origin.hostUuid().equals(ctx.memberUuid())
        && ctx.send(origin.hostNodeId(), new Hop(task.taskId(), origin.nodeId(), 0, "", true))) {
      return;
    }
    finish(task);
  }

  /** Merges the agreed results of a task whose chunks are all agreed, once. */
  void finish(DiffusionTask known) {
    DiffusionTask task = ctx.tasks().get(known.taskId());
    if (task == null || task.state() != DiffusionTaskState.RUNNING || !task.allAgreed()) {
      return;
    }
    Workload<Serializable> workload = workloads.get(task.workload());
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < task.chunks().size(); i++) {
      keys.add(ShareState.key(task.taskId(), i));
    }
    Map<String, ShareState> all = new HashMap<>(ctx.shares().getAll(keys));
    Serializable result = workload.empty();
    for (int i = 0; i < task.chunks().size(); i++) {
      ShareState s = all.get(ShareState.key(task.taskId(), i));
      if (s == null || !s.isAgreed()) {
        LOG.warn(
            "diffusion: task {} chunk {} is marked agreed but its share is {}",
            task.taskId(),
            i,
            s);
        return;
      }
      result = workload.merge(result, s.agreed());
    }
    boolean mine =
        ctx.tasks()
            .executeOnKey(
                task.taskId(),
                TaskUpdates.finish(
                    DiffusionTaskState.DONE,
                    result,
                    System.currentTimeMillis(),
                    ctx.nodeId(),
                    ctx.config().finishedTaskTtlSeconds()));
    if (mine) {
      ctx.metrics().tasksFinished.incrementAndGet();
      LOG.info(
          "diffusion: task {} finished at {} ({} chunks)",
          task.taskId(),
          ctx.nodeId(),
          task.chunks().size());
      dropState(task);
    }
  }

  /** Removes the chunk states and visits of a task that is over. */
  void dropState(DiffusionTask task) {
    for (int i = 0; i < task.chunks().size(); i++) {
      ctx.shares().delete(ShareState.key(task.taskId(), i));
    }
    forgetVisits(task);
  }

  /** Forgets the visits of a task, so that renewed energy spreads again. */
  void forgetVisits(DiffusionTask task) {
    ctx.visits().removeAll(Predicates.like("__key", task.taskId() + "|%"));
  }
}
