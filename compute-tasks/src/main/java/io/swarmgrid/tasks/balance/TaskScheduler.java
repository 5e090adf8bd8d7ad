package io.swarmgrid.tasks.balance;

import io.swarmgrid.storage.balance.Task;
import java.util.Optional;

/**
 * The member-side scheduler the balancing engine registers in the member's {@link
 * io.swarmgrid.storage.runtime.SwarmServices}; the callables of {@link BalanceTasks} call it.
 */
public interface TaskScheduler {

  /** Validates, stores and assigns a new task on this member (the owner of its data). */
  SubmitReceipt submit(Task task);

  /**
   * Validates a new task and decides, without storing it, what it becomes: assigned to a node,
   * queued with a reason, or unschedulable with a reason. Called on the owner of the task key's
   * partition (the submission's entry processor), which is the owner of its data key.
   *
   * @throws IllegalArgumentException for a bad task (field and value named)
   * @throws IllegalStateException when {@code balance.max-tasks} is reached
   */
  Task decide(Task task);

  /**
   * Told that {@code task}, as {@link #decide} answered it, is stored: counts it and starts it on
   * its node.
   */
  void stored(Task task);

  /**
   * Runs {@code assigned} at once if it went to a node of this member whose handler {@link
   * TaskHandler#finishesAtOnce finishes at once}, inside the caller's entry processor: answers the
   * task after its run (done, or re-queued or failed after a failed attempt), or empty if it runs
   * the usual way.
   */
  default Optional<Task> runAtOnce(Task assigned) {
    return Optional.empty();
  }

  /** {@code balance.finished-ttl-seconds}. */
  int finishedTtlSeconds();

  /**
   * Runs the task held by {@code node} at {@code epoch} on this member with its registered handler.
   */
  void run(String taskId, String node, long epoch);

  /** This member's figures. */
  MemberStats stats();
}
