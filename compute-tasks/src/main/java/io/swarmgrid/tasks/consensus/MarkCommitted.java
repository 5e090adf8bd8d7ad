package io.swarmgrid.tasks.consensus;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.TallyStatus;
import java.io.IOException;
import java.util.Map;

/**
 * Marks a tally committed with the decision that is published (which may differ from the tally's
 * own if another committer won). Idempotent.
 */
public final class MarkCommitted
    implements EntryProcessor<String, Tally, Boolean>, IdentifiedDataSerializable {
  private static final long serialVersionUID = 1L;

  private Decision committed;
  private transient Tally next;

  /** For deserialization. */
  public MarkCommitted() {}

  /** Marks with {@code committed}. */
  public MarkCommitted(Decision committed) {
    this.committed = committed;
  }

  @Override
  public Boolean process(Map.Entry<String, Tally> entry) {
    Tally t = entry.getValue();
    if (t == null || t.status() == TallyStatus.COMMITTED) {
      return false;
    }
    next = TallyRules.with(t, t.votes(), t.conflicting(), TallyStatus.COMMITTED, committed);
    entry.setValue(next);
    return true;
  }

  @Override
  public EntryProcessor<String, Tally, Boolean> getBackupProcessor() {
    return next == null ? null : new SetTally(next).asBackupOf();
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CONSENSUS;
  }

  @Override
  public int getClassId() {
    return ConsensusFactory.MARK_COMMITTED;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeObject(committed);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    committed = in.readObject();
  }
}
