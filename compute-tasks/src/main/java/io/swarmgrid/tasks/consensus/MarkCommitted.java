package io.swarmgrid.tasks.consensus;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.TallyStatus;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Marks tallies committed, a batch in one {@code submitToKeys}, each with the decision that is
 * published (which may differ from the tally's own if another committer won). Idempotent. A
 * committed tally is compacted (electorate, keys and votes dropped: the decision holds what is read
 * afterwards, and evidence is filed from the decided tally before) and kept only {@code
 * retentionSeconds} more, so that what a decision leaves behind is bounded. Each backup gets what
 * was marked on its partition ({@link PartitionChanges}).
 */
public final class MarkCommitted
    implements EntryProcessor<String, Tally, Boolean>, IdentifiedDataSerializable {
  private static final long serialVersionUID = 1L;

  private Map<String, Decision> committed;
  private long retentionSeconds;
  private long committedAt;
  private final transient PartitionChanges<Decision> marked = new PartitionChanges<>();

  /** For deserialization. */
  public MarkCommitted() {}

  /**
   * Marks each tally with its decision in {@code committed}, committed at {@code committedAt}
   * (epoch millis) and kept {@code retentionSeconds}.
   */
  public MarkCommitted(Map<String, Decision> committed, long retentionSeconds, long committedAt) {
    this.committed = Map.copyOf(committed);
    this.retentionSeconds = retentionSeconds;
    this.committedAt = committedAt;
  }

  @Override
  public Boolean process(Map.Entry<String, Tally> entry) {
    marked.processing();
    Tally t = entry.getValue();
    Decision decision = committed.get(entry.getKey());
    if (t == null || decision == null || t.status() == TallyStatus.COMMITTED) {
      return false;
    }
    Tally next = compacted(t, decision, committedAt);
    if (retentionSeconds > 0 && entry instanceof ExtendedMapEntry<String, Tally> extended) {
      extended.setValue(next, retentionSeconds, TimeUnit.SECONDS);
    } else {
      entry.setValue(next);
    }
    marked.put(entry.getKey(), decision);
    return true;
  }

  /**
   * What is kept of a committed tally: what it was about and how it ended. Its deadline becomes the
   * commit time if that is earlier (no vote counts after the commit either): the retention sweep
   * finds the tallies to remove through the {@code deadline} index.
   */
  static Tally compacted(Tally t, Decision decision, long committedAt) {
    return new Tally(
        t.proposalId(),
        t.type(),
        t.options(),
        Math.min(t.deadline(), committedAt),
        t.createdAt(),
        t.quorumFraction(),
        List.of(),
        new double[0],
        new byte[0],
        List.of(),
        List.of(),
        TallyStatus.COMMITTED,
        decision);
  }

  @Override
  public EntryProcessor<String, Tally, Boolean> getBackupProcessor() {
    // The backup reaches the same compacted tally from the same committed decision.
    return marked.backup(changes -> new MarkCommitted(changes, retentionSeconds, committedAt));
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
    out.writeLong(retentionSeconds);
    out.writeLong(committedAt);
    out.writeInt(committed.size());
    for (Map.Entry<String, Decision> e : committed.entrySet()) {
      out.writeString(e.getKey());
      out.writeObject(e.getValue());
    }
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    retentionSeconds = in.readLong();
    committedAt = in.readLong();
    int n = in.readInt();
    Map<String, Decision> map = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      String id = in.readString();
      map.put(id, in.readObject());
    }
    committed = Map.copyOf(map);
  }
}
