package io.swarmgrid.storage.balance;

/** Where a task is in its life. */
public enum TaskState {
  /** Waiting for a node. */
  QUEUED,
  /** Given to a node that has not started it yet; rebalancing may still move it. */
  ASSIGNED,
  /** Started by its node. */
  RUNNING,
  /** Finished with a result. */
  DONE,
  /** Failed on its last allowed attempt. */
  FAILED,
  /** Cancelled before it finished. */
  CANCELLED,
  /** No node can meet its requirements; the reason says which and by how much. */
  UNSCHEDULABLE;

  /** Whether nothing more happens to the task. */
  public boolean finished() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }

  /** Whether a node holds it (assigned or running). */
  public boolean held() {
    return this == ASSIGNED || this == RUNNING;
  }
}
