package io.swarmgrid.tasks.consensus;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.consensus.Decision;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed decisions in {@code swarm.decisions}, a batch in one {@code submitToKeys}:
 * each key gets its decision unless one is there already, with a TTL ({@code <= 0}: none), and
 * answers with the decision the map holds afterwards. The committer marks the tally with that one,
 * so the tally never says something else than what observers read. Backups get only the decisions
 * written on their partition ({@link PartitionChanges}), applied by the same put-if-absent rule.
 */
public final class PublishDecision
    implements EntryProcessor<String, Decision, Decision>, IdentifiedDataSerializable {
  private static final long serialVersionUID = 1L;

  private Map<String, Decision> decisions;
  private long ttlSeconds;
  private final transient PartitionChanges<Decision> written = new PartitionChanges<>();

  /** For deserialization. */
  public PublishDecision() {}

  /** Publishes {@code decisions} (by proposal id) for {@code ttlSeconds}. */
  public PublishDecision(Map<String, Decision> decisions, long ttlSeconds) {
    this.decisions = Map.copyOf(decisions);
    this.ttlSeconds = ttlSeconds;
  }

  @Override
  public Decision process(Map.Entry<String, Decision> entry) {
    written.processing();
    Decision existing = entry.getValue();
    if (existing != null) {
      return existing;
    }
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
    return decision;
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
    out.writeInt(decisions.size());
    for (Decision d : decisions.values()) {
      out.writeObject(d);
    }
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    ttlSeconds = in.readLong();
    int n = in.readInt();
    Map<String, Decision> map = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      Decision d = in.readObject();
      map.put(d.proposalId(), d);
    }
    decisions = Map.copyOf(map);
  }
}
