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

  /**
   * Whether this handler finishes at once: pure computation on the task's input, no waiting, no
   * call to the grid. On a member such a handler runs inside the entry processor that assigns the
   * task (on the partition thread), so the task goes from submitted to done in one step; a handler
   * that blocks there would stall every key of the partition. Client workers ignore it.
   */
  default boolean finishesAtOnce() {
    return false;
  }

  /** {@code handler} marked as finishing at once ({@link #finishesAtOnce}). */
  static TaskHandler atOnce(TaskHandler handler) {
    java.util.Objects.requireNonNull(handler, "handler");
    return new TaskHandler() {
      @Override
      public String run(TaskContext context) throws Exception {
        return handler.run(context);
      }

      @Override
      public boolean finishesAtOnce() {
        return true;
      }
    };
  }
}
