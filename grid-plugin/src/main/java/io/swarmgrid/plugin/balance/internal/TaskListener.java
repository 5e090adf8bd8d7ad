package io.swarmgrid.plugin.balance.internal;

import io.swarmgrid.plugin.balance.ResourceAllocator;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskState;
import io.swarmgrid.storage.balance.TaskTransitions;
import java.util.function.BooleanSupplier;

/**
 * Follows the changes of this member's tasks: frees what a task held when it finishes or moves,
 * teaches the predictive strategy how long a finished task took, and places a task that went back
 * to the queue at once instead of at the next sweep. Told by the task processors on the partition
 * thread (no entry event, no copies of the values); what takes time runs on the runner threads.
 */
public final class TaskListener implements TaskTransitions {
  private final ResourceAllocator allocator;
  private final StrategyBook strategies;
  private final TaskPlacer placer;
  private final TaskRouter router;
  private final BooleanSupplier running;

  /** A listener; {@code running} is false once the engine stops. */
  public TaskListener(
      ResourceAllocator allocator,
      StrategyBook strategies,
      TaskPlacer placer,
      TaskRouter router,
      BooleanSupplier running) {
    this.allocator = allocator;
    this.strategies = strategies;
    this.placer = placer;
    this.router = router;
    this.running = running;
  }

  @Override
  public void changed(Task before, Task now) {
    if (now == null || !running.getAsBoolean()) {
      return;
    }
    placer.queueChanged(before, now);
    if (before != null
        && before.state().held()
        && (!now.state().held() || !before.node().equals(now.node()))) {
      allocator.release(before.node(), before.requirements(), before.estimatedMillis());
    }
    if (now.state() == TaskState.DONE && before != null && before.state().held()) {
      strategies
          .predictiveFor(now.type())
          .ifPresent(
              ps ->
                  router.offCaller(
                      "balance.learn",
                      () ->
                          ps.learn(
                              now.taskId(), Math.max(0, now.finishedAt() - now.assignedAt()))));
    }
    if (now.state() == TaskState.QUEUED && before != null && before.state() != TaskState.QUEUED) {
      router.offCaller("balance.assign", () -> placer.assignQueued(now));
    }
  }
}
