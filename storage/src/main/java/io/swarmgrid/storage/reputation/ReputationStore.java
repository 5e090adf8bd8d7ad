package io.swarmgrid.storage.reputation;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.internal.ReputationProcessors;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Typed access to {@code swarm.reputation}. Changes are applied by an entry processor on the
 * entry's partition, so concurrent updates to one node never lose each other.
 */
public final class ReputationStore {
  private final IMap<String, Reputation> reputations;

  /** The store of the cluster {@code hz} belongs to. */
  public ReputationStore(HazelcastInstance hz) {
    this.reputations = hz.getMap(SwarmMap.REPUTATION.mapName());
  }

  /**
   * A change to one reputation; runs on the member that owns the entry, so it must be serializable.
   * A lambda travels by Java serialization: members refuse it unless its class is on their Java
   * serialization whitelist (SwarmGrid's own updates are {@code IdentifiedDataSerializable}).
   */
  @FunctionalInterface
  public interface Update extends Serializable {
    /** The new reputation, given the current one (neutral when the node has none yet). */
    Reputation apply(Reputation current);
  }

  /** The node's reputation, {@link Reputation#neutral} if it has none. */
  public Reputation get(String nodeId) {
    Reputation r = reputations.get(nodeId);
    return r == null ? Reputation.neutral(nodeId) : r;
  }

  /** The reputations of several nodes; nodes without a record are neutral. */
  public Map<String, Reputation> getAll(Collection<String> nodeIds) {
    Map<String, Reputation> found = reputations.getAll(new HashSet<>(nodeIds));
    Map<String, Reputation> result = new HashMap<>();
    for (String id : nodeIds) {
      result.put(id, found.getOrDefault(id, Reputation.neutral(id)));
    }
    return result;
  }

  /** Applies {@code update} next to the entry and returns the new reputation. */
  public Reputation update(String nodeId, Update update) {
    return reputations.executeOnKey(nodeId, new ReputationProcessors.Apply(update));
  }

  /**
   * Applies {@code event} to the node's reputation with {@code rule}, next to the entry: decay
   * since the last change, the event's gain or loss, and the quarantine decision, in one atomic
   * step.
   *
   * @param now epoch millis of the event
   * @return the new reputation
   */
  public Reputation record(String nodeId, ReputationEvent event, ReputationRule rule, long now) {
    return update(nodeId, new ReputationProcessors.Step(rule, event, now));
  }

  /** Releases a quarantined node (an operator's call); see {@link ReputationRule#release}. */
  public Reputation release(String nodeId, ReputationRule rule, long now) {
    return update(nodeId, new ReputationProcessors.Release(rule, now));
  }

  /**
   * Whether the node is quarantined (no vote weight, no new work). A node without a record is not.
   */
  public boolean isQuarantined(String nodeId) {
    Reputation r = reputations.get(nodeId);
    return r != null && r.quarantined();
  }

  /** The quarantined nodes, by id (a query over the map's {@code quarantined} field). */
  public List<Reputation> quarantined() {
    return reputations.values(Predicates.equal("quarantined", true)).stream()
        .sorted(java.util.Comparator.comparing(Reputation::nodeId))
        .toList();
  }

  /** Every recorded reputation, by node id. */
  public List<Reputation> all() {
    return reputations.values().stream()
        .sorted(java.util.Comparator.comparing(Reputation::nodeId))
        .toList();
  }
}
