package io.swarmgrid.storage.balance;

/**
 * Told, on the member owning a task's partition and inside the entry processor that changed it,
 * that a task changed state or node. The balancing engine registers one in the member's {@code
 * SwarmServices} instead of an entry listener: no event, no copy of the old and new values per
 * change. Runs on a partition thread: it must be quick and must not call the grid.
 */
@FunctionalInterface
public interface TaskTransitions {
  /** {@code before} (null for a new task) became {@code after}. */
  void changed(Task before, Task after);
}
