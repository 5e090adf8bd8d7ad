package io.swarmgrid.storage.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskKey;
import io.swarmgrid.storage.balance.TaskState;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The entry processors of {@code TaskStore}, one per task transition, each on the task's partition.
 * {@code IdentifiedDataSerializable} (factory {@link StorageFactory}): clients and workers send
 * them, and members never Java-deserialize what a client sends.
 *
 * <p>Each writes through {@link TaskOp#write}: the engine on the owner is told of the change, and
 * the backup stores the value written (the transition does not run twice).
 *
 * <p>Over 300 lines on purpose: eleven small classes of one state machine (most of each is its read
 * and write), kept together so that a transition and its wire form are read in one place.
 */
public final class TaskProcessors {
  static final int ADD = 1;
  static final int ASSIGN = 2;
  static final int TRANSITION = 3;
  static final int START = 4;
  static final int START_AND_GET = 5;
  static final int PROGRESS = 6;
  static final int COMPLETE = 7;
  static final int FAIL = 8;
  static final int CANCEL = 9;
  static final int REQUEUE = 10;
  static final int MOVE = 11;

  private TaskProcessors() {}

  private abstract static class Op extends TaskOp {}

  private static boolean holds(Task t, String node, long epoch) {
    return t != null && t.state().held() && t.node().equals(node) && t.epoch() == epoch;
  }

  /** See {@code Add} in the store. */
  public static final class Add extends Op implements EntryProcessor<TaskKey, Task, Boolean> {
    private Task task;
    private int ttl;

    /** For deserialization only. */
    public Add() {}

    /** The processor with its arguments. */
    public Add(Task task, int ttl) {
      this.task = task;
      this.ttl = ttl;
    }

    @Override
    public int getClassId() {
      return ADD;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeObject(task);
      out.writeInt(ttl);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      task = in.readObject();
      ttl = in.readInt();
    }

    @Override
    public EntryProcessor<TaskKey, Task, Boolean> getBackupProcessor() {
      return backup();
    }

    @Override
    public Boolean process(Map.Entry<TaskKey, Task> entry) {
      if (entry.getValue() != null) {
        return false;
      }
      if (task.state() == TaskState.UNSCHEDULABLE || task.state().finished()) {
        write(entry, task, ttl); // an unschedulable submission expires like a finished task
      } else {
        write(entry, task, 0);
      }
      return true;
    }
  }

  /** See {@code Assign} in the store. */
  public static final class Assign extends Op implements EntryProcessor<TaskKey, Task, Long> {
    private String node;
    private double predicted;
    private long now;

    /** For deserialization only. */
    public Assign() {}

    /** The processor with its arguments. */
    public Assign(String node, double predicted, long now) {
      this.node = node;
      this.predicted = predicted;
      this.now = now;
    }

    @Override
    public int getClassId() {
      return ASSIGN;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(node);
      out.writeDouble(predicted);
      out.writeLong(now);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      node = in.readString();
      predicted = in.readDouble();
      now = in.readLong();
    }

    @Override
    public EntryProcessor<TaskKey, Task, Long> getBackupProcessor() {
      return backup();
    }

    @Override
    public Long process(Map.Entry<TaskKey, Task> entry) {
      Task t = entry.getValue();
      if (t == null || t.state() != TaskState.QUEUED) {
        return -1L;
      }
      Task a = t.assignedTo(node, predicted, now);
      write(entry, a, 0);
      return a.epoch();
    }
  }

  /** See {@code Transition} in the store. */
  public static final class Transition extends Op
      implements EntryProcessor<TaskKey, Task, Boolean> {
    private Set<TaskState> from;
    private TaskState to;
    private String reason;
    private long now;
    private int ttl;

    /** For deserialization only. */
    public Transition() {}

    /** The processor with its arguments. */
    public Transition(Set<TaskState> from, TaskState to, String reason, long now, int ttl) {
      this.from = from;
      this.to = to;
      this.reason = reason;
      this.now = now;
      this.ttl = ttl;
    }

    @Override
    public int getClassId() {
      return TRANSITION;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeStringArray(from.stream().map(Enum::name).toArray(String[]::new));
      out.writeString(to.name());
      out.writeString(reason);
      out.writeLong(now);
      out.writeInt(ttl);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      from = EnumSet.noneOf(TaskState.class);
      for (String s : in.readStringArray()) {
        from.add(TaskState.valueOf(s));
      }
      to = TaskState.valueOf(in.readString());
      reason = in.readString();
      now = in.readLong();
      ttl = in.readInt();
    }

    @Override
    public EntryProcessor<TaskKey, Task, Boolean> getBackupProcessor() {
      return backup();
    }

    @Override
    public Boolean process(Map.Entry<TaskKey, Task> entry) {
      Task t = entry.getValue();
      if (t == null || !from.contains(t.state())) {
        return false;
      }
      Task next = t.withState(to, reason, now);
      if (to == TaskState.UNSCHEDULABLE || to.finished()) {
        write(entry, next, ttl);
      } else {
        write(entry, next, 0);
      }
      return true;
    }
  }

  /** See {@code Start} in the store. */
  public static final class Start extends Op implements EntryProcessor<TaskKey, Task, Boolean> {
    private String node;
    private long epoch;
    private long now;

    /** For deserialization only. */
    public Start() {}

    /** The processor with its arguments. */
    public Start(String node, long epoch, long now) {
      this.node = node;
      this.epoch = epoch;
      this.now = now;
    }

    @Override
    public int getClassId() {
      return START;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(node);
      out.writeLong(epoch);
      out.writeLong(now);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      node = in.readString();
      epoch = in.readLong();
      now = in.readLong();
    }

    @Override
    public EntryProcessor<TaskKey, Task, Boolean> getBackupProcessor() {
      return backup();
    }

    @Override
    public Boolean process(Map.Entry<TaskKey, Task> entry) {
      Task t = entry.getValue();
      if (t == null
          || t.state() != TaskState.ASSIGNED
          || !t.node().equals(node)
          || t.epoch() != epoch) {
        return false;
      }
      // The lease runs on the partition owner's clock, which the sweep reads, not the caller's.
      write(entry, t.started(now).renewed(System.currentTimeMillis()), 0);
      return true;
    }
  }

  /** See {@code StartAndGet} in the store. */
  public static final class StartAndGet extends Op implements EntryProcessor<TaskKey, Task, Task> {
    private String node;
    private long epoch;
    private long now;

    /** For deserialization only. */
    public StartAndGet() {}

    /** The processor with its arguments. */
    public StartAndGet(String node, long epoch, long now) {
      this.node = node;
      this.epoch = epoch;
      this.now = now;
    }

    @Override
    public int getClassId() {
      return START_AND_GET;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(node);
      out.writeLong(epoch);
      out.writeLong(now);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      node = in.readString();
      epoch = in.readLong();
      now = in.readLong();
    }

    @Override
    public EntryProcessor<TaskKey, Task, Task> getBackupProcessor() {
      return backup();
    }

    @Override
    public Task process(Map.Entry<TaskKey, Task> entry) {
      Task t = entry.getValue();
      if (t == null
          || t.state() != TaskState.ASSIGNED
          || !t.node().equals(node)
          || t.epoch() != epoch) {
        return null;
      }
      Task started = t.started(now).renewed(System.currentTimeMillis());
      write(entry, started, 0);
      return started;
    }
  }

  /** See {@code Progress} in the store. */
  public static final class Progress extends Op implements EntryProcessor<TaskKey, Task, Boolean> {
    private String node;
    private long epoch;
    private double fraction;

    /** For deserialization only. */
    public Progress() {}

    /** The processor with its arguments. */
    public Progress(String node, long epoch, double fraction) {
      this.node = node;
      this.epoch = epoch;
      this.fraction = fraction;
    }

    @Override
    public int getClassId() {
      return PROGRESS;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(node);
      out.writeLong(epoch);
      out.writeDouble(fraction);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      node = in.readString();
      epoch = in.readLong();
      fraction = in.readDouble();
    }

    @Override
    public EntryProcessor<TaskKey, Task, Boolean> getBackupProcessor() {
      return backup();
    }

    @Override
    public Boolean process(Map.Entry<TaskKey, Task> entry) {
      Task t = entry.getValue();
      if (!holds(t, node, epoch)) {
        return false;
      }
      write(entry, t.withProgress(fraction).renewed(System.currentTimeMillis()), 0);
      return true;
    }
  }

  /** See {@code Complete} in the store. */
  public static final class Complete extends Op implements EntryProcessor<TaskKey, Task, Boolean> {
    private String node;
    private long epoch;
    private String result;
    private long now;
    private int ttl;

    /** For deserialization only. */
    public Complete() {}

    /** The processor with its arguments. */
    public Complete(String node, long epoch, String result, long now, int ttl) {
      this.node = node;
      this.epoch = epoch;
      this.result = result;
      this.now = now;
      this.ttl = ttl;
    }

    @Override
    public int getClassId() {
      return COMPLETE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(node);
      out.writeLong(epoch);
      out.writeString(result);
      out.writeLong(now);
      out.writeInt(ttl);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      node = in.readString();
      epoch = in.readLong();
      result = in.readString();
      now = in.readLong();
      ttl = in.readInt();
    }

    @Override
    public EntryProcessor<TaskKey, Task, Boolean> getBackupProcessor() {
      return backup();
    }

    @Override
    public Boolean process(Map.Entry<TaskKey, Task> entry) {
      Task t = entry.getValue();
      if (!holds(t, node, epoch)) {
        return false;
      }
      write(entry, t.done(result, now), ttl);
      return true;
    }
  }

  /** See {@code Fail} in the store. */
  public static final class Fail extends Op implements EntryProcessor<TaskKey, Task, String> {
    private String node;
    private long epoch;
    private String error;
    private int maxAttempts;
    private long now;
    private int ttl;

    /** For deserialization only. */
    public Fail() {}

    /** The processor with its arguments. */
    public Fail(String node, long epoch, String error, int maxAttempts, long now, int ttl) {
      this.node = node;
      this.epoch = epoch;
      this.error = error;
      this.maxAttempts = maxAttempts;
      this.now = now;
      this.ttl = ttl;
    }

    @Override
    public int getClassId() {
      return FAIL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(node);
      out.writeLong(epoch);
      out.writeString(error);
      out.writeInt(maxAttempts);
      out.writeLong(now);
      out.writeInt(ttl);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      node = in.readString();
      epoch = in.readLong();
      error = in.readString();
      maxAttempts = in.readInt();
      now = in.readLong();
      ttl = in.readInt();
    }

    @Override
    public EntryProcessor<TaskKey, Task, String> getBackupProcessor() {
      return backup();
    }

    @Override
    public String process(Map.Entry<TaskKey, Task> entry) {
      Task t = entry.getValue();
      if (!holds(t, node, epoch)) {
        return null;
      }
      String why = "attempt " + Math.max(1, t.attempts()) + " on " + node + " failed: " + error;
      if (Math.max(1, t.attempts()) >= maxAttempts) {
        write(entry, t.withState(TaskState.FAILED, why, now), ttl);
        return TaskState.FAILED.name();
      }
      write(entry, t.requeued(why), 0);
      return TaskState.QUEUED.name();
    }
  }

  /** See {@code Cancel} in the store. */
  public static final class Cancel extends Op implements EntryProcessor<TaskKey, Task, String> {
    private long now;
    private int ttl;

    /** For deserialization only. */
    public Cancel() {}

    /** The processor with its arguments. */
    public Cancel(long now, int ttl) {
      this.now = now;
      this.ttl = ttl;
    }

    @Override
    public int getClassId() {
      return CANCEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeLong(now);
      out.writeInt(ttl);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      now = in.readLong();
      ttl = in.readInt();
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
      if (!t.state().finished()) {
        write(entry, t.withState(TaskState.CANCELLED, "cancelled", now), ttl);
      }
      return t.state().name();
    }
  }

  /** See {@code Requeue} in the store. */
  public static final class Requeue extends Op implements EntryProcessor<TaskKey, Task, Boolean> {
    private String node;
    private long epoch;
    private String why;

    /** For deserialization only. */
    public Requeue() {}

    /** The processor with its arguments. */
    public Requeue(String node, long epoch, String why) {
      this.node = node;
      this.epoch = epoch;
      this.why = why;
    }

    @Override
    public int getClassId() {
      return REQUEUE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(node);
      out.writeLong(epoch);
      out.writeString(why);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      node = in.readString();
      epoch = in.readLong();
      why = in.readString();
    }

    @Override
    public EntryProcessor<TaskKey, Task, Boolean> getBackupProcessor() {
      return backup();
    }

    @Override
    public Boolean process(Map.Entry<TaskKey, Task> entry) {
      Task t = entry.getValue();
      if (!holds(t, node, epoch)) {
        return false;
      }
      write(entry, t.requeued(why), 0);
      return true;
    }
  }

  /** See {@code Move} in the store. */
  public static final class Move extends Op implements EntryProcessor<TaskKey, Task, Boolean> {
    private String from;
    private String to;
    private double predicted;
    private long now;

    /** For deserialization only. */
    public Move() {}

    /** The processor with its arguments. */
    public Move(String from, String to, double predicted, long now) {
      this.from = from;
      this.to = to;
      this.predicted = predicted;
      this.now = now;
    }

    @Override
    public int getClassId() {
      return MOVE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(from);
      out.writeString(to);
      out.writeDouble(predicted);
      out.writeLong(now);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      from = in.readString();
      to = in.readString();
      predicted = in.readDouble();
      now = in.readLong();
    }

    @Override
    public EntryProcessor<TaskKey, Task, Boolean> getBackupProcessor() {
      return backup();
    }

    @Override
    public Boolean process(Map.Entry<TaskKey, Task> entry) {
      Task t = entry.getValue();
      if (t == null || t.state() != TaskState.ASSIGNED || !t.node().equals(from)) {
        return false;
      }
      write(entry, t.assignedTo(to, predicted, now), 0);
      return true;
    }
  }
}
