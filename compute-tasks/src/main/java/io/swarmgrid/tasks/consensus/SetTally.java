package io.swarmgrid.tasks.consensus;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.consensus.Tally;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Sets a tally computed on the primary; what tally-changing processors send to the backups. */
final class SetTally implements EntryProcessor<String, Tally, Object>, IdentifiedDataSerializable {
  private static final long serialVersionUID = 1L;

  private Tally tally;
  private long ttlSeconds = -1;

  /** For deserialization. */
  SetTally() {}

  SetTally(Tally tally) {
    this.tally = tally;
  }

  /** Sets {@code tally} with a time to live (a new tally's backup). */
  SetTally(Tally tally, long ttlSeconds) {
    this.tally = tally;
    this.ttlSeconds = ttlSeconds;
  }

  @Override
  public Object process(Map.Entry<String, Tally> entry) {
    if (ttlSeconds > 0) {
      ((ExtendedMapEntry<String, Tally>) entry).setValue(tally, ttlSeconds, TimeUnit.SECONDS);
    } else {
      entry.setValue(tally);
    }
    return null;
  }

  @Override
  public EntryProcessor<String, Tally, Object> getBackupProcessor() {
    return this;
  }

  /** This processor typed as the backup of a processor with result type {@code R}. */
  @SuppressWarnings("unchecked") // A backup processor's result is never read.
  <R> EntryProcessor<String, Tally, R> asBackupOf() {
    return (EntryProcessor<String, Tally, R>) (EntryProcessor<String, Tally, ?>) this;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CONSENSUS;
  }

  @Override
  public int getClassId() {
    return ConsensusFactory.SET_TALLY;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeObject(tally);
    out.writeLong(ttlSeconds);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    tally = in.readObject();
    ttlSeconds = in.readLong();
  }
}
