package io.swarmgrid.tasks.region;

import com.hazelcast.core.EntryView;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.Offloadable;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.region.ReplicationStamp;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.io.IOException;
import java.util.Map;

/**
 * One replicated update delivered in one call (issue 15): runs on the target's stamp map, reads the
 * data map's entry of the same key where it runs (same partition), judges the update as {@link
 * ApplyStamp} does and, if it wins, writes the value (or removes the entry) there and then. A
 * delivery used to be three calls from the source's writer (read the value, judge, write), which
 * set the length of its batch flushes, and left a window in which the target held the new stamp and
 * the old value. Answers {@link #WRITTEN}, {@link ApplyStamp#REJECTED}, or {@link #NEED_CURRENT}
 * when it cannot read the entry here (no region engine on this member, or a data map that places
 * the key on another partition): the caller then delivers in three calls. The backup replays the
 * judgement with what the primary read; the data map's write carries its own backups.
 *
 * <p>{@link Offloadable}: the data map's write waits for its backup, and a partition thread waiting
 * there deadlocked a target region of two members (each member's partition thread waiting for a
 * backup queued behind the other's; seen in {@code ArrivalsAtTheJournalTest}, deliveries timing out
 * with "backup acks missed"). Offloaded, it runs on Hazelcast's offloadable executor while the key
 * of the stamp map stays locked, and the stamp is still recorded on the partition thread.
 */
public final class ApplyAndWrite
    implements EntryProcessor<Object, ReplicationStamp, Integer>,
        IdentifiedDataSerializable,
        HazelcastInstanceAware,
        Offloadable {
  /** Result: the update won and its value is written. */
  public static final int WRITTEN = 10;

  /** Result: nothing done; deliver with {@link ApplyStamp} and a separate write. */
  public static final int NEED_CURRENT = 11;

  private ApplyStamp judge;
  private String dataMap;
  private Object value;
  private transient HazelcastInstance member;
  private transient ApplyStamp judged;

  /** For deserialization only. */
  public ApplyAndWrite() {}

  /**
   * Delivers {@code value} (null for a removal) of map {@code dataMap} under the judgement {@code
   * judge} (made by {@link ApplyStamp#of} with no current entry).
   */
  public ApplyAndWrite(ApplyStamp judge, String dataMap, Object value) {
    this.judge = judge;
    this.dataMap = dataMap;
    this.value = value;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
    this.member = hazelcastInstance;
  }

  @Override
  public Integer process(Map.Entry<Object, ReplicationStamp> entry) {
    SerializedForm form =
        member == null ? null : SwarmServices.find(member, SerializedForm.class).orElse(null);
    if (form == null) {
      return NEED_CURRENT;
    }
    IMap<Object, Object> data = member.getMap(dataMap);
    EntryView<Object, Object> view;
    try {
      // Same key, same partition; offloaded, this is an ordinary call.
      view = data.getEntryView(entry.getKey());
    } catch (RuntimeException e) {
      return NEED_CURRENT; // the data map places this key on another partition
    }
    long currentHash = view == null || view.getValue() == null ? 0 : form.hash(view.getValue());
    long updateTime = currentHash == 0 ? 0 : Math.max(1, view.getLastUpdateTime());
    judged = judge.writingHere(currentHash, updateTime);
    int verdict = judged.process(entry);
    if (verdict != ApplyStamp.APPLY) {
      return verdict;
    }
    if (judge.incoming().removed()) {
      data.delete(entry.getKey());
    } else {
      data.set(entry.getKey(), value);
    }
    return WRITTEN;
  }

  @Override
  public String getExecutorName() {
    return Offloadable.OFFLOADABLE_EXECUTOR;
  }

  @Override
  public EntryProcessor<Object, ReplicationStamp, Integer> getBackupProcessor() {
    return judged; // null when nothing was judged: nothing changed
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.REGION;
  }

  @Override
  public int getClassId() {
    return RegionFactory.APPLY_AND_WRITE;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeObject(judge);
    out.writeString(dataMap);
    out.writeObject(value);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    judge = in.readObject();
    dataMap = in.readString();
    value = in.readObject();
  }
}
