package io.swarmgrid.storage.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.interest.InterestLevels;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.work.Completion;
import io.swarmgrid.storage.work.WorkItem;
import io.swarmgrid.storage.work.WorkState;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The entry processors of {@code WorkStore}, {@code NodeRegistry} and {@code InterestStore}: {@code
 * IdentifiedDataSerializable} (factory {@link StorageFactory}), since clients send them.
 *
 * <p>Over 300 lines on purpose: seven small entry processors, one per store transition (most of
 * each is its read and write), kept together so that the stores' transitions are read in one place.
 */
public final class StoreProcessors {
  static final int CREATE_WORK = 100;
  static final int COMPLETE_WORK = 101;
  static final int REASSIGN_WORK = 102;
  static final int REMOVE_COMPLETED_WORK = 103;
  static final int HEARTBEAT = 200;
  static final int MARK_GONE = 201;
  static final int DECLARE_INTEREST = 210;

  private StoreProcessors() {}

  private abstract static class Op implements IdentifiedDataSerializable {
    @Override
    public int getFactoryId() {
      return FactoryIds.STORAGE;
    }
  }

  /** See {@code CreateWork} in the store. */
  public static final class CreateWork extends Op
      implements EntryProcessor<String, WorkItem, Boolean> {
    private String kind;
    private String ownerNode;
    private long now;

    /** For deserialization only. */
    public CreateWork() {}

    /** The processor with its arguments. */
    public CreateWork(String kind, String ownerNode, long now) {
      this.kind = kind;
      this.ownerNode = ownerNode;
      this.now = now;
    }

    @Override
    public int getClassId() {
      return CREATE_WORK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(kind);
      out.writeString(ownerNode);
      out.writeLong(now);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      kind = in.readString();
      ownerNode = in.readString();
      now = in.readLong();
    }

    @Override
    public Boolean process(Map.Entry<String, WorkItem> entry) {
      if (entry.getValue() != null) {
        return false;
      }
      entry.setValue(
          new WorkItem(entry.getKey(), kind, ownerNode, WorkState.ASSIGNED, 1, now, now, 0));
      return true;
    }
  }

  /** See {@code CompleteWork} in the store. */
  public static final class CompleteWork extends Op
      implements EntryProcessor<String, WorkItem, String> {
    private String ownerNode;
    private long epoch;
    private long now;

    /** For deserialization only. */
    public CompleteWork() {}

    /** The processor with its arguments. */
    public CompleteWork(String ownerNode, long epoch, long now) {
      this.ownerNode = ownerNode;
      this.epoch = epoch;
      this.now = now;
    }

    @Override
    public int getClassId() {
      return COMPLETE_WORK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(ownerNode);
      out.writeLong(epoch);
      out.writeLong(now);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      ownerNode = in.readString();
      epoch = in.readLong();
      now = in.readLong();
    }

    @Override
    public String process(Map.Entry<String, WorkItem> entry) {
      WorkItem item = entry.getValue();
      if (item == null) {
        return Completion.UNKNOWN.name();
      }
      if (!item.ownerNode().equals(ownerNode) || item.epoch() != epoch) {
        return Completion.STALE_LEASE.name();
      }
      if (!item.assigned()) {
        return Completion.ALREADY_COMPLETED.name();
      }
      entry.setValue(item.completed(now));
      return Completion.COMPLETED.name();
    }
  }

  /** See {@code ReassignWork} in the store. */
  public static final class ReassignWork extends Op
      implements EntryProcessor<String, WorkItem, Boolean> {
    private String fromNode;
    private String toNode;
    private long now;

    /** For deserialization only. */
    public ReassignWork() {}

    /** The processor with its arguments. */
    public ReassignWork(String fromNode, String toNode, long now) {
      this.fromNode = fromNode;
      this.toNode = toNode;
      this.now = now;
    }

    @Override
    public int getClassId() {
      return REASSIGN_WORK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(fromNode);
      out.writeString(toNode);
      out.writeLong(now);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      fromNode = in.readString();
      toNode = in.readString();
      now = in.readLong();
    }

    @Override
    public Boolean process(Map.Entry<String, WorkItem> entry) {
      WorkItem item = entry.getValue();
      if (item == null || !item.assigned() || !item.ownerNode().equals(fromNode)) {
        return false;
      }
      entry.setValue(item.reassignedTo(toNode, now));
      return true;
    }
  }

  /** See {@code RemoveCompletedWork} in the store. */
  public static final class RemoveCompletedWork extends Op
      implements EntryProcessor<String, WorkItem, Boolean> {

    /** For deserialization only. */
    public RemoveCompletedWork() {}

    @Override
    public int getClassId() {
      return REMOVE_COMPLETED_WORK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {}

    @Override
    public void readData(ObjectDataInput in) throws IOException {}

    @Override
    public Boolean process(Map.Entry<String, WorkItem> entry) {
      WorkItem item = entry.getValue();
      if (item == null || item.assigned()) {
        return false;
      }
      entry.setValue(null);
      return true;
    }
  }

  /**
   * See {@code Heartbeat} in the store. With a member UUID, only that member's registration counts:
   * a record of the node on another member (its UUID before a split-brain merge) is not refreshed.
   */
  public static final class Heartbeat extends Op
      implements EntryProcessor<String, NodeInfo, Boolean> {
    private String memberUuid;
    private long when;

    /** For deserialization only. */
    public Heartbeat() {}

    /** The processor with its arguments; {@code memberUuid} {@code null} for any member. */
    public Heartbeat(String memberUuid, long when) {
      this.memberUuid = memberUuid;
      this.when = when;
    }

    @Override
    public int getClassId() {
      return HEARTBEAT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(memberUuid);
      out.writeLong(when);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      memberUuid = in.readString();
      when = in.readLong();
    }

    @Override
    public Boolean process(Map.Entry<String, NodeInfo> entry) {
      NodeInfo node = entry.getValue();
      if (node == null
          || !node.active()
          || (memberUuid != null && !memberUuid.equals(node.memberUuid()))) {
        return false;
      }
      entry.setValue(node.seen(Math.max(when, node.lastSeen())));
      return true;
    }
  }

  /**
   * Marks a node gone, if registered and (when {@code memberUuid} is set) still the registration of
   * that member at {@code registeredAt}: a conditional write, so that a restarted member's fresh
   * record is never overwritten by the news of its old self's death.
   */
  public static final class MarkGone extends Op
      implements EntryProcessor<String, NodeInfo, Boolean> {
    private String memberUuid;
    private long registeredAt;
    private long when;
    private int ttlSeconds;

    /** For deserialization only. */
    public MarkGone() {}

    /** The processor; {@code memberUuid} null marks whatever registration is there. */
    public MarkGone(String memberUuid, long registeredAt, long when, int ttlSeconds) {
      this.memberUuid = memberUuid;
      this.registeredAt = registeredAt;
      this.when = when;
      this.ttlSeconds = ttlSeconds;
    }

    @Override
    public int getClassId() {
      return MARK_GONE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(memberUuid);
      out.writeLong(registeredAt);
      out.writeLong(when);
      out.writeInt(ttlSeconds);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      memberUuid = in.readString();
      registeredAt = in.readLong();
      when = in.readLong();
      ttlSeconds = in.readInt();
    }

    @Override
    public Boolean process(Map.Entry<String, NodeInfo> entry) {
      NodeInfo node = entry.getValue();
      if (node == null
          || (memberUuid != null
              && (!node.memberUuid().equals(memberUuid) || node.registeredAt() != registeredAt))) {
        return false;
      }
      ((ExtendedMapEntry<String, NodeInfo>) entry)
          .setValue(node.gone(when), ttlSeconds, TimeUnit.SECONDS);
      return true;
    }
  }

  /** See {@code DeclareInterest} in the store. */
  public static final class DeclareInterest extends Op
      implements EntryProcessor<String, InterestLevels, InterestLevels> {
    private String nodeId;
    private double level;
    private long when;

    /** For deserialization only. */
    public DeclareInterest() {}

    /** The processor with its arguments. */
    public DeclareInterest(String nodeId, double level, long when) {
      this.nodeId = nodeId;
      this.level = level;
      this.when = when;
    }

    @Override
    public int getClassId() {
      return DECLARE_INTEREST;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(nodeId);
      out.writeDouble(level);
      out.writeLong(when);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      nodeId = in.readString();
      level = in.readDouble();
      when = in.readLong();
    }

    @Override
    public InterestLevels process(Map.Entry<String, InterestLevels> entry) {
      InterestLevels current =
          entry.getValue() == null ? InterestLevels.none(entry.getKey()) : entry.getValue();
      InterestLevels next = current.with(nodeId, level, when);
      entry.setValue(next.levels().isEmpty() ? null : next);
      return next;
    }
  }
}
