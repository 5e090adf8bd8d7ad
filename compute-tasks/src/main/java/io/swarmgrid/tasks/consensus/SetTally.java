package io.swarmgrid.tasks.consensus;

import com.hazelcast.map.EntryProcessor;
import io.swarmgrid.storage.consensus.Tally;
import java.util.Map;

/** Sets a tally computed on the primary; what tally-changing processors send to the backups. */
record SetTally(Tally tally) implements EntryProcessor<String, Tally, Object> {
  @Override
  public Object process(Map.Entry<String, Tally> entry) {
    entry.setValue(tally);
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
}
