package io.swarmgrid.storage.swarm.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.swarm.ColonyRecord;
import java.io.IOException;
import java.util.Map;

/**
 * Marks a stagnant colony as reset in {@code tick}; returns true to the one caller that should
 * re-initialise the trail (false if the colony is not stagnant or another caller did it).
 */
public final class ResetIfStagnantProcessor
    implements EntryProcessor<String, ColonyRecord, Boolean>, IdentifiedDataSerializable {
  private long tick;
  private int memberStagnationTicks;

  /** For deserialization. */
  public ResetIfStagnantProcessor() {}

  /** Checks stagnation at {@code tick}. */
  public ResetIfStagnantProcessor(long tick, int memberStagnationTicks) {
    this.tick = tick;
    this.memberStagnationTicks = memberStagnationTicks;
  }

  @Override
  public Boolean process(Map.Entry<String, ColonyRecord> entry) {
    ColonyRecord c = entry.getValue();
    if (c == null || !c.withDefaults(memberStagnationTicks, 1).stagnantAt(tick)) {
      return false;
    }
    entry.setValue(c.reset(tick));
    return true;
  }

  @Override
  public int getFactoryId() {
    return SwarmStorageSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return SwarmStorageSerializers.RESET_IF_STAGNANT;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeLong(tick);
    out.writeInt(memberStagnationTicks);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    tick = in.readLong();
    memberStagnationTicks = in.readInt();
  }
}
