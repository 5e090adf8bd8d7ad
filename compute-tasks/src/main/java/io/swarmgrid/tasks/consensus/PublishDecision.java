package io.swarmgrid.tasks.consensus;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.consensus.Decision;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Publishes a committed decision in {@code swarm.decisions} unless one is there already, with a TTL
 * ({@code <= 0}: none), and answers with the decision the map holds afterwards: the committer marks
 * the tally with that one, so the tally never says something else than what observers read. Its own
 * backup processor (deterministic given the primary's state).
 */
public final class PublishDecision
    implements EntryProcessor<String, Decision, Decision>, IdentifiedDataSerializable {
  private static final long serialVersionUID = 1L;

  private Decision decision;
  private long ttlSeconds;

  /** For deserialization. */
  public PublishDecision() {}

  /** Publishes {@code decision} for {@code ttlSeconds}. */
  public PublishDecision(Decision decision, long ttlSeconds) {
    this.decision = decision;
    this.ttlSeconds = ttlSeconds;
  }

  @Override
  public Decision process(Map.Entry<String, Decision> entry) {
    Decision existing = entry.getValue();
    if (existing != null) {
      return existing;
    }
    if (ttlSeconds > 0 && entry instanceof ExtendedMapEntry<String, Decision> extended) {
      extended.setValue(decision, ttlSeconds, TimeUnit.SECONDS);
    } else {
      entry.setValue(decision);
    }
    return decision;
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
    out.writeObject(decision);
    out.writeLong(ttlSeconds);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    decision = in.readObject();
    ttlSeconds = in.readLong();
  }
}
