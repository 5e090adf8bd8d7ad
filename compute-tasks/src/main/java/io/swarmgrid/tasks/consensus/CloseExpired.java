package io.swarmgrid.tasks.consensus;

import com.hazelcast.map.EntryProcessor;
import io.swarmgrid.storage.consensus.Tally;
import java.util.Map;

/**
 * Closes a tally whose deadline has passed: decided with "deadline passed". Returns the new tally
 * or null.
 */
public final class CloseExpired implements EntryProcessor<String, Tally, Tally> {
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
}
