package io.swarmgrid.plugin.balance.internal;

import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskKey;
import io.swarmgrid.storage.balance.TaskState;

/** The predicates the sweep and the fleet view query {@code swarm.tasks} with. */
final class TaskQueries {
  /** Tasks a node holds: assigned or running. */
  static final Predicate<TaskKey, Task> HELD =
      Predicates.in("state", TaskState.ASSIGNED.name(), TaskState.RUNNING.name());

  /** Tasks waiting for a node. */
  static final Predicate<TaskKey, Task> QUEUED = Predicates.equal("state", TaskState.QUEUED.name());

  /**
   * Tasks assigned before {@code now - assignedTimeoutMillis} and not started, or running with a
   * lease last renewed before {@code now - leaseMillis}.
   */
  static Predicate<TaskKey, Task> stale(long now, long assignedTimeoutMillis, long leaseMillis) {
    return Predicates.or(
        Predicates.and(
            Predicates.equal("state", TaskState.ASSIGNED.name()),
            Predicates.lessThan("assignedAt", now - assignedTimeoutMillis)),
        Predicates.and(
            Predicates.equal("state", TaskState.RUNNING.name()),
            Predicates.lessThan("renewedAt", now - leaseMillis)));
  }

  private TaskQueries() {}
}
