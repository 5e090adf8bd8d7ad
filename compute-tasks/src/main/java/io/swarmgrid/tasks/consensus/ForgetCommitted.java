package io.swarmgrid.tasks.consensus;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.TallyStatus;
import java.util.Map;

/**
 * Removes a proposal's leftovers once its retention is over, a batch in one {@code submitToKeys}:
 * on {@code swarm.votes} only a tally that is committed (an open or decided one is never lost to
 * it), on {@code swarm.proposals} the record. Answers whether it removed something. Its own backup
 * processor: the backup removes the same entry by the same rule.
 */
public final class ForgetCommitted
    implements EntryProcessor<String, Object, Boolean>, IdentifiedDataSerializable {
  @Override
  public Boolean process(Map.Entry<String, Object> entry) {
    Object value = entry.getValue();
    if (value == null || (value instanceof Tally t && t.status() != TallyStatus.COMMITTED)) {
      return false;
    }
    entry.setValue(null);
    return true;
  }

  @Override
  public EntryProcessor<String, Object, Boolean> getBackupProcessor() {
    return this;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CONSENSUS;
  }

  @Override
  public int getClassId() {
    return ConsensusFactory.FORGET_COMMITTED;
  }

  @Override
  public void writeData(ObjectDataOutput out) {}

  @Override
  public void readData(ObjectDataInput in) {}
}
