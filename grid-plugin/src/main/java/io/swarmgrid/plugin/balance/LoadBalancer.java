package io.swarmgrid.plugin.balance;

import io.swarmgrid.ml.LoadMetrics;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskRequest;
import io.swarmgrid.storage.balance.TaskState;
import io.swarmgrid.tasks.balance.MemberStats;
import io.swarmgrid.tasks.balance.SubmitReceipt;
import io.swarmgrid.tasks.balance.TaskHandler;
import java.util.List;
import java.util.Optional;

/**
 * The member-side API of load balancing ({@code swarmgrid.engines.balance: true}); find it with
 * {@link BalanceEngine#of}.
 */
public interface LoadBalancer {
  /**
   * Submits a task: it is stored on its data key's partition and assigned there by the configured
   * strategy.
   *
   * @throws IllegalArgumentException for a bad request (field and value named); nothing is stored
   * @throws IllegalStateException when {@code balance.max-tasks} is reached
   */
  SubmitReceipt submit(TaskRequest request);

  /** The task, if it exists (finished tasks expire after {@code balance.finished-ttl-seconds}). */
  Optional<Task> status(String taskId);

  /**
   * Cancels a task that has not finished.
   *
   * @return its state before
   * @throws IllegalArgumentException for an unknown task id
   */
  TaskState cancel(String taskId);

  /**
   * Registers the handler of task {@code type} on this member: tasks of that type may then run on
   * member nodes, next to their data. Register the same types on every member.
   */
  void registerHandler(String type, TaskHandler handler);

  /** The live, unquarantined nodes and their pools, as this member sees them now. */
  List<NodeView> fleet();

  /** This member's figures. */
  MemberStats stats();

  /**
   * Moves assigned, not started tasks from the busiest to the least busy nodes while skew is over
   * the threshold.
   */
  int rebalance();

  /** The predictive strategy's error on held-out finished tasks, once trained. */
  Optional<LoadMetrics> predictorMetrics();

  /** The resource pools per node. */
  ResourceAllocator allocator();
}
