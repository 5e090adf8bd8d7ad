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

  /**
   * Releases a quarantined node without asking who wants it; see {@link ReputationRule#release}.
   * For code that holds the operator's authority already; a request from a node or client goes
   * through {@link #release(ReleaseOrder, byte[], ReputationRule, long)}.
   */
  public Reputation release(String nodeId, ReputationRule rule, long now) {
    return update(nodeId, new ReputationProcessors.Release(rule, now));
  }

  /**
   * Releases the quarantine an operator signed {@code order} for: the signature must verify with
   * {@code operatorPublicKey}, the node must still be quarantined, and its record must be the one
   * the order was signed for. The write is conditional (a compare-and-set on the record), so an
   * event that lands in between makes it fail rather than be lost.
   *
   * @param operatorPublicKey {@code fault.operator-public-key}, or null/empty when none is set
   * @throws IllegalStateException if no operator key is configured
   * @throws IllegalArgumentException naming the field when the order is refused; nothing changed
   */
  public Reputation release(
      ReleaseOrder order, byte[] operatorPublicKey, ReputationRule rule, long now) {
    if (operatorPublicKey == null || operatorPublicKey.length == 0) {
      throw new IllegalStateException(
          "fault.operator-public-key is not set on this member: releases are refused");
    }
    if (!order.verify(operatorPublicKey)) {
      throw new IllegalArgumentException(
          "signature: the release order for '"
              + order.nodeId()
              + "' does not verify with fault.operator-public-key");
    }
    Reputation current = reputations.get(order.nodeId());
    if (current == null || !current.quarantined()) {
      throw new IllegalArgumentException(
          "nodeId: '" + order.nodeId() + "' is not quarantined; nothing to release");
    }
    String state = ReleaseOrder.stateOf(current);
    if (!state.equals(order.state())) {
      throw new IllegalArgumentException(
          "state: '"
              + order.state()
              + "' is not the current record of '"
              + order.nodeId()
              + "' ("
              + state
              + "); the order was used or is stale, sign a new one");
    }
    Reputation released = rule.release(current, now);
    if (!reputations.replace(order.nodeId(), current, released)) {
      throw new IllegalArgumentException(
          "state: the record of '" + order.nodeId() + "' changed meanwhile; sign a new order");
    }
    return released;
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
