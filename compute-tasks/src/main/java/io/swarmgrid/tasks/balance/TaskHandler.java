package io.swarmgrid.tasks.balance;

/**
 * Runs tasks of one type, on a member (registered with the member's {@code LoadBalancer}) or in a
 * client-side worker. Returning completes the task with the returned result; throwing fails this
 * attempt (the task is retried up to {@code balance.max-attempts}).
 */
@FunctionalInterface
public interface TaskHandler {
  /** Runs one task and returns its result. */
  String run(TaskContext context) throws Exception;
}
