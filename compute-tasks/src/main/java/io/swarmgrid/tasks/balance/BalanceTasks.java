package io.swarmgrid.tasks.balance;

import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.exception.RetryableHazelcastException;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskKey;
import io.swarmgrid.storage.balance.TaskRequest;
import io.swarmgrid.storage.balance.TaskState;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Balancing operations a client (or another member) asks a member to run: submit on the owner of a
 * task's data key ({@code submitToKeyOwner} with the task's key), run on the member of the chosen
 * node, and stats on every member. A member offers them while its balancing engine runs.
 *
 * <p>Over 400 lines on purpose, and one role: the member operations of balancing (five small ones,
 * the submit processor and its backup) and their serialization factory, kept together so that their
 * ids are in one place. The backup's two forms (a task, or the bytes of its {@link StoredForm}) are
 * why it grew; splitting the operations over files would scatter the ids.
 */
public final class BalanceTasks {
  /** The executor these operations run on. */
  public static final String EXECUTOR = "swarm.balance-exec";

  // Null without the plugin on the class path (a client, this module's own tests).
  private static final StoredForm FORM =
      ServiceLoader.load(StoredForm.class, BalanceTasks.class.getClassLoader())
          .findFirst()
          .orElse(null);

  private BalanceTasks() {}

  /** Submits {@code task} on the member it runs on; answers a receipt. */
  public static Callable<SubmitReceipt> submit(Task task) {
    return new Submit(task);
  }

  /**
   * Submits {@code task} in one entry processor on its key ({@code executeOnKey}): on the owner of
   * the task's data it decides the node, stores the task and starts it; the backup gets the stored
   * task. Answers a receipt. A task id that exists is an {@link IllegalArgumentException}.
   */
  public static EntryProcessor<TaskKey, Task, SubmitReceipt> place(Task task) {
    return new Place(task);
  }

  /**
   * Submits {@code request} to the member owning its data key: one {@link #place} entry processor.
   * Bad input stays an {@link IllegalArgumentException}; a grid failure becomes an {@link
   * IllegalStateException} naming the task.
   */
  public static SubmitReceipt submit(IMap<TaskKey, Task> tasks, TaskRequest request) {
    Task t = request.toTask(System.currentTimeMillis());
    try {
      return tasks.executeOnKey(t.key(), place(t));
    } catch (HazelcastException e) {
      throw new IllegalStateException("submit of " + t.taskId() + " failed: " + e.getMessage(), e);
    }
  }

  /** Runs a task held by a node of the member it runs on. */
  public static Runnable run(String taskId, String node, long epoch) {
    return new Run(taskId, node, epoch);
  }

  /** The figures of the member it runs on. */
  public static Callable<MemberStats> stats() {
    return new Stats();
  }

  /**
   * Left in a member's services by its balancing engine when it stops because the member is
   * leaving: operations that still reach it are retried by Hazelcast on the partition's next owner
   * instead of failing the caller.
   */
  public enum Leaving {
    /** The one marker. */
    MEMBER
  }

  static TaskScheduler scheduler(HazelcastInstance hz) {
    Optional<TaskScheduler> s = SwarmServices.find(hz, TaskScheduler.class);
    if (s.isEmpty() && SwarmServices.find(hz, Leaving.class).isPresent()) {
      throw new RetryableHazelcastException(
          "the balancing engine of member "
              + hz.getCluster().getLocalMember().getAddress()
              + " stopped: the member is leaving");
    }
    return s.orElseThrow(
        () ->
            new IllegalStateException(
                "the balancing engine is not running on member "
                    + hz.getCluster().getLocalMember().getAddress()
                    + " (swarmgrid.engines.balance: false)"));
  }

  /**
   * Creates the balancing operations that cross the wire ({@code IdentifiedDataSerializable},
   * factory id {@link FactoryIds#BALANCE}). Registered by {@code SwarmSerialization}; members name
   * it in {@code swarmgrid-member.yaml}.
   */
  public static final class Factory implements DataSerializableFactory {
    static final int SUBMIT = 1;
    static final int PLACE = 2;
    static final int BACKUP = 3;
    static final int RUN = 4;
    static final int STATS = 5;
    static final int RECEIPT = 6;
    static final int MEMBER_STATS = 7;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
      return switch (typeId) {
        case SUBMIT -> new Submit();
        case PLACE -> new Place();
        case BACKUP -> new Backup();
        case RUN -> new Run();
        case STATS -> new Stats();
        case RECEIPT -> new SubmitReceipt();
        case MEMBER_STATS -> new MemberStats();
        default -> null;
      };
    }
  }

  private abstract static class MemberOp
      implements HazelcastInstanceAware, IdentifiedDataSerializable {
    transient HazelcastInstance hz;

    @Override
    public void setHazelcastInstance(HazelcastInstance hz) {
      this.hz = hz;
    }

    @Override
    public int getFactoryId() {
      return FactoryIds.BALANCE;
    }
  }

  private static final class Submit extends MemberOp implements Callable<SubmitReceipt> {
    private Task task;

    Submit() {}

    Submit(Task task) {
      this.task = task;
    }

    @Override
    public int getClassId() {
      return Factory.SUBMIT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeObject(task);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      task = in.readObject();
    }

    @Override
    public SubmitReceipt call() {
      return scheduler(hz).submit(task);
    }
  }

  /** Whether a task in this state is stored with the finished tasks' time to live. */
  private static boolean expires(Task value) {
    return value.state() == TaskState.UNSCHEDULABLE || value.state().finished();
  }

  /** Stores {@code stored}: a task, or a task's {@link StoredForm}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void set(
      Map.Entry<TaskKey, Task> entry, Object stored, boolean expires, int ttlSeconds) {
    if (expires && entry instanceof ExtendedMapEntry ext) {
      ext.setValue(stored, ttlSeconds, TimeUnit.SECONDS);
    } else {
      ((Map.Entry) entry).setValue(stored);
    }
  }

  // Place and Backup travel once per submission: IdentifiedDataSerializable (the task inside as
  // its Compact form) instead of Java serialization, which was the largest cost of a submission.
  private static final class Place extends MemberOp
      implements EntryProcessor<TaskKey, Task, SubmitReceipt> {
    private Task task;
    private transient Task decided;
    private transient Object form;
    private transient int ttl;

    Place() {}

    Place(Task task) {
      this.task = task;
    }

    @Override
    public int getClassId() {
      return Factory.PLACE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeObject(task);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      task = in.readObject();
    }

    @Override
    public SubmitReceipt process(Map.Entry<TaskKey, Task> entry) {
      Task existing = entry.getValue();
      if (existing != null) {
        if (sameSubmission(existing, task)) {
          // The caller's retry after the first owner died once the backup had the task.
          return new SubmitReceipt(
              existing.taskId(), existing.state().name(), existing.node(), existing.reason());
        }
        throw new IllegalArgumentException("taskId: '" + task.taskId() + "' exists already");
      }
      TaskScheduler s = scheduler(hz);
      Task assigned = s.decide(task);
      // A handler that finishes at once runs here: one processor from submitted to done.
      decided =
          assigned.state() == TaskState.ASSIGNED
              ? s.runAtOnce(assigned).orElse(assigned)
              : assigned;
      ttl = s.finishedTtlSeconds();
      // Serialized once: stored as it is here, and its bytes are the backup's.
      form = FORM == null ? null : FORM.serialize(hz, decided);
      set(entry, form == null ? decided : form, expires(decided), ttl);
      s.stored(decided);
      return new SubmitReceipt(
          decided.taskId(), decided.state().name(), decided.node(), decided.reason());
    }

    @Override
    public EntryProcessor<TaskKey, Task, SubmitReceipt> getBackupProcessor() {
      if (decided == null) {
        return null;
      }
      return form == null
          ? new Backup(decided, null, expires(decided), ttl)
          : new Backup(null, FORM.bytes(form), expires(decided), ttl);
    }
  }

  private static boolean sameSubmission(Task stored, Task submitted) {
    return stored.submittedAt() == submitted.submittedAt()
        && stored.type().equals(submitted.type())
        && stored.input().equals(submitted.input());
  }

  /**
   * Writes on the backup what the primary decided and stored (the decision is not made twice): the
   * stored form's bytes, or the task where there is no {@link StoredForm}.
   */
  private static final class Backup
      implements EntryProcessor<TaskKey, Task, SubmitReceipt>, IdentifiedDataSerializable {
    private Task value;
    private byte[] bytes;
    private boolean expires;
    private int ttl;

    Backup() {}

    Backup(Task value, byte[] bytes, boolean expires, int ttl) {
      this.value = value;
      this.bytes = bytes;
      this.expires = expires;
      this.ttl = ttl;
    }

    @Override
    public int getFactoryId() {
      return FactoryIds.BALANCE;
    }

    @Override
    public int getClassId() {
      return Factory.BACKUP;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeBoolean(bytes != null);
      if (bytes != null) {
        out.writeByteArray(bytes);
      } else {
        out.writeObject(value);
      }
      out.writeBoolean(expires);
      out.writeInt(ttl);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      if (in.readBoolean()) {
        bytes = in.readByteArray();
      } else {
        value = in.readObject();
      }
      expires = in.readBoolean();
      ttl = in.readInt();
    }

    @Override
    public SubmitReceipt process(Map.Entry<TaskKey, Task> entry) {
      if (bytes == null) {
        set(entry, value, expires, ttl);
      } else if (FORM != null) {
        set(entry, FORM.fromBytes(bytes), expires, ttl);
      } else {
        throw new IllegalStateException(
            "a task's backup arrived as bytes on a member without a StoredForm provider");
      }
      return null;
    }

    @Override
    public EntryProcessor<TaskKey, Task, SubmitReceipt> getBackupProcessor() {
      return null;
    }
  }

  private static final class Run extends MemberOp implements Runnable {
    private String taskId;
    private String node;
    private long epoch;

    Run() {}

    Run(String taskId, String node, long epoch) {
      this.taskId = taskId;
      this.node = node;
      this.epoch = epoch;
    }

    @Override
    public int getClassId() {
      return Factory.RUN;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(taskId);
      out.writeString(node);
      out.writeLong(epoch);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      taskId = in.readString();
      node = in.readString();
      epoch = in.readLong();
    }

    @Override
    public void run() {
      scheduler(hz).run(taskId, node, epoch);
    }
  }

  private static final class Stats extends MemberOp implements Callable<MemberStats> {
    @Override
    public int getClassId() {
      return Factory.STATS;
    }

    @Override
    public void writeData(ObjectDataOutput out) {}

    @Override
    public void readData(ObjectDataInput in) {}

    @Override
    public MemberStats call() {
      return scheduler(hz).stats();
    }
  }
}
