package io.swarmgrid.tasks.balance;

import io.swarmgrid.storage.balance.Task;

/**
 * The member-side scheduler the balancing engine puts in the member's user context under
 * {@link #USER_CONTEXT_KEY}; the callables of {@link BalanceTasks} call it.
 */
public interface TaskScheduler {
  /** User-context key of the running scheduler. */
  String USER_CONTEXT_KEY = "swarmgrid.balance.scheduler";

  /** Validates, stores and assigns a new task on this member (the owner of its data). */
  SubmitReceipt submit(Task task);

  /** Runs the task held by {@code node} at {@code epoch} on this member with its registered handler. */
  void run(String taskId, String node, long epoch);

  /** This member's figures. */
  MemberStats stats();
}
