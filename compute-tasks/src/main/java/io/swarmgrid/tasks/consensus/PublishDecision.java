package io.swarmgrid.tasks.consensus;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.Tally;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed decisions in {@code swarm.decisions}, a batch in one {@code submitToKeys}:
 * each key gets its decision unless one is there already, with a TTL ({@code <= 0}: none), and
 * answers with the decision the map holds afterwards. When made with a retention, it also marks the
 * tally committed with that one ({@link MarkCommitted}: the tally never says something else than
 * what observers read) and keeps the proposal's record for the retention ({@link KeepFor}), both on
 * the same partition (tally, proposal and decision share the key), run from here on the partition
 * thread instead of two more {@code submitToKeys} from the committer. Backups get only the
 * decisions written on their partition ({@link PartitionChanges}), applied by the same
 * put-if-absent rule, and mark nothing (the tally's and the record's own operations have their
 * backups).
 */
public final class PublishDecision
    implements EntryProcessor<String, Decision, Decision>,
        IdentifiedDataSerializable,
        HazelcastInstanceAware {
  private static final long serialVersionUID = 1L;

  private Map<String, Decision> decisions;
  private long ttlSeconds;
  private long retentionSeconds;
  private long committedAt;
  private transient HazelcastInstance hz;
  private final transient PartitionChanges<Decision> written = new PartitionChanges<>();

  /** For deserialization. */
  public PublishDecision() {}

  /** Publishes {@code decisions} (by proposal id) for {@code ttlSeconds}; marks nothing. */
  public PublishDecision(Map<String, Decision> decisions, long ttlSeconds) {
    this(decisions, ttlSeconds, 0, 0);
  }

  /**
   * Publishes {@code decisions} (by proposal id) for {@code ttlSeconds}, then marks each tally
   * committed at {@code committedAt} with the decision published and keeps it and the proposal's
   * record {@code retentionSeconds} ({@code committedAt <= 0}: marks nothing).
   */
  public PublishDecision(
      Map<String, Decision> decisions, long ttlSeconds, long retentionSeconds, long committedAt) {
    this.decisions = Map.copyOf(decisions);
    this.ttlSeconds = ttlSeconds;
    this.retentionSeconds = retentionSeconds;
    this.committedAt = committedAt;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hz) {
    this.hz = hz;
  }

  @Override
  public Decision process(Map.Entry<String, Decision> entry) {
    written.processing();
    Decision held = entry.getValue();
    if (held == null) {
      Decision decision = decisions.get(entry.getKey());
      if (decision == null) {
        return null;
      }
      if (ttlSeconds > 0 && entry instanceof ExtendedMapEntry<String, Decision> extended) {
        extended.setValue(decision, ttlSeconds, TimeUnit.SECONDS);
      } else {
        entry.setValue(decision);
      }
      written.put(entry.getKey(), decision);
      held = decision;
    }
    markCommitted(entry.getKey(), held);
    return held;
  }

  /**
   * Same key, so same partition and this partition thread: Hazelcast allows an entry processor to
   * reach other maps' entries of its own partition. Nobody waits for the answers (a blocking wait
   * on a partition thread for backups could deadlock members); if one fails the tally stays decided
   * and the next sweep finds its decision published and marks it.
   */
  private void markCommitted(String key, Decision held) {
    if (committedAt <= 0 || hz == null) {
      return;
    }
    // Run inline, MarkCommitted takes this thread's PartitionChanges run: put ours back, or this
    // partition's publication gets no backup.
    Object publishing = PartitionChanges.current();
    try {
      hz.<String, Tally>getMap(SwarmMap.VOTES.mapName())
          .submitToKey(key, new MarkCommitted(Map.of(key, held), retentionSeconds, committedAt));
      if (retentionSeconds > 0) {
        hz.<String, Proposal>getMap(SwarmMap.PROPOSALS.mapName())
            .submitToKey(key, new KeepFor<Proposal>(retentionSeconds));
      }
    } finally {
      PartitionChanges.restore(publishing);
    }
  }

  @Override
  public EntryProcessor<String, Decision, Decision> getBackupProcessor() {
    return written.backup(changes -> new PublishDecision(changes, ttlSeconds));
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CONSENSUS;
  }

  @Override
  public int getClassId() {
    return ConsensusFactory.PUBLISH_DECISION;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeLong(ttlSeconds);
    out.writeLong(retentionSeconds);
    out.writeLong(committedAt);
    out.writeInt(decisions.size());
    for (Decision d : decisions.values()) {
      out.writeObject(d);
    }
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    ttlSeconds = in.readLong();
    retentionSeconds = in.readLong();
    committedAt = in.readLong();
    int n = in.readInt();
    Map<String, Decision> map = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      Decision d = in.readObject();
      map.put(d.proposalId(), d);
    }
    decisions = Map.copyOf(map);
  }
}
