package io.swarmgrid.tasks.balance;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.storage.balance.Task;

/** What a {@link TaskHandler} sees of the task it runs. */
public interface TaskContext {
  /** The task as it was when it started. */
  Task task();

  /** The node running it. */
  String nodeId();

  /** The member (or client) the handler runs in: read the task's data key from it. */
  HazelcastInstance hazelcast();

  /**
   * Reports progress in [0, 1].
   *
   * @return false if the task was taken from this node (re-queued or cancelled): stop working on it
   */
  boolean progress(double fraction);
}
