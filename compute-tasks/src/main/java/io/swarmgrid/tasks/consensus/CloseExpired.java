package io.swarmgrid.tasks.consensus;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.consensus.Tally;
import java.util.Map;

/**
 * Closes a tally whose deadline has passed: decided with "deadline passed". Returns the new tally
 * or null.
 */
public final class CloseExpired
    implements EntryProcessor<String, Tally, Tally>, IdentifiedDataSerializable {
  private static final long serialVersionUID = 1L;

  private transient Tally next;

  @Override
  public Tally process(Map.Entry<String, Tally> entry) {
    next = TallyRules.closeIfExpired(entry.getValue(), System.currentTimeMillis());
    if (next != null) {
      entry.setValue(next);
    }
    return next;
  }

  @Override
  public EntryProcessor<String, Tally, Tally> getBackupProcessor() {
    return next == null ? null : new SetTally(next).asBackupOf();
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CONSENSUS;
  }

  @Override
  public int getClassId() {
    return ConsensusFactory.CLOSE_EXPIRED;
  }

  @Override
  public void writeData(ObjectDataOutput out) {}

  @Override
  public void readData(ObjectDataInput in) {}
}
