package io.swarmgrid.storage.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskKey;
import io.swarmgrid.storage.balance.TaskState;
import java.io.IOException;
import java.util.Map;

/**
 * The entry processors that keep a held task from being stuck: the running node renews its lease,
 * and the sweep re-queues a task not started in time or whose lease lapsed. Both read the time on
 * the partition owner, so a caller's clock can neither extend nor cut a lease.
 */
public final class TaskLeaseProcessors {
  static final int RENEW = 12;
  static final int REQUEUE_STALE = 13;

  private TaskLeaseProcessors() {}

  /** The node running the task at {@code epoch} renews its lease; whether it still holds it. */
  public static final class Renew extends TaskOp implements EntryProcessor<TaskKey, Task, Boolean> {
    private String node;
    private long epoch;

    /** For deserialization only. */
    public Renew() {}

    /** The processor with its arguments. */
    public Renew(String node, long epoch) {
      this.node = node;
      this.epoch = epoch;
    }

    @Override
    public int getFactoryId() {
      return FactoryIds.STORAGE;
    }

    @Override
    public int getClassId() {
      return RENEW;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(node);
      out.writeLong(epoch);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      node = in.readString();
      epoch = in.readLong();
    }

    @Override
    public EntryProcessor<TaskKey, Task, Boolean> getBackupProcessor() {
      return backup();
    }

    @Override
    public Boolean process(Map.Entry<TaskKey, Task> entry) {
      Task t = entry.getValue();
      if (t == null
          || t.state() != TaskState.RUNNING
          || !t.node().equals(node)
          || t.epoch() != epoch) {
        return false;
      }
      write(entry, t.renewed(System.currentTimeMillis()), 0);
      return true;
    }
  }

  /**
   * Re-queues (next epoch, so the old holder's start, progress and completion are refused) a task
   * assigned longer than {@code assignedTimeoutMillis} ago and not started, or running with a lease
   * last renewed longer than {@code leaseMillis} ago. Answers why, or null if it is not stale (it
   * started, was renewed or moved meanwhile).
   */
  public static final class RequeueStale extends TaskOp
      implements EntryProcessor<TaskKey, Task, String> {
    private long assignedTimeoutMillis;
    private long leaseMillis;

    /** For deserialization only. */
    public RequeueStale() {}

    /** The processor with its arguments. */
    public RequeueStale(long assignedTimeoutMillis, long leaseMillis) {
      this.assignedTimeoutMillis = assignedTimeoutMillis;
      this.leaseMillis = leaseMillis;
    }

    @Override
    public int getFactoryId() {
      return FactoryIds.STORAGE;
    }

    @Override
    public int getClassId() {
      return REQUEUE_STALE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeLong(assignedTimeoutMillis);
      out.writeLong(leaseMillis);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      assignedTimeoutMillis = in.readLong();
      leaseMillis = in.readLong();
    }

    @Override
    public EntryProcessor<TaskKey, Task, String> getBackupProcessor() {
      return backup();
    }

    @Override
    public String process(Map.Entry<TaskKey, Task> entry) {
      Task t = entry.getValue();
      if (t == null) {
        return null;
      }
      long now = System.currentTimeMillis();
      String why;
      if (t.state() == TaskState.ASSIGNED && now - t.assignedAt() > assignedTimeoutMillis) {
        why = "node " + t.node() + " did not start it within " + assignedTimeoutMillis + " ms";
      } else if (t.state() == TaskState.RUNNING
          && now - (t.renewedAt() > 0 ? t.renewedAt() : t.startedAt()) > leaseMillis) {
        why = "node " + t.node() + " let its " + leaseMillis + " ms lease lapse";
      } else {
        return null;
      }
      write(entry, t.requeued(why), 0);
      return why;
    }
  }
}
