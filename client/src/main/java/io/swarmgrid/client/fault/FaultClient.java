package io.swarmgrid.client.fault;

import io.swarmgrid.storage.breaker.BreakerState;
import io.swarmgrid.storage.checkpoint.Checkpoint;
import io.swarmgrid.storage.checkpoint.CheckpointInfo;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.recovery.NodeHealth;
import io.swarmgrid.storage.recovery.RecoveryEvent;
import io.swarmgrid.storage.reputation.ReleaseOrder;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.work.WorkItems;
import java.util.List;
import java.util.Optional;

/**
 * Fault tolerance seen from a client ({@code SwarmClient.fault()}): reputations, evidence,
 * quarantine, circuit breaker states and checkpoints. Operations that change state and need the
 * cluster's limits (evidence, release, checkpoint save) run on a member whose fault engine is on,
 * with that member's config.
 */
public interface FaultClient {

  /** A node's reputation; neutral if nobody has judged it. */
  Reputation reputation(String nodeId);

  /** Every recorded reputation, by node id. */
  List<Reputation> reputations();

  /** The quarantined nodes: no vote weight, no new work. */
  List<Reputation> quarantined();

  /**
   * Releases a quarantined node (its score is lifted to the release threshold) by an order the
   * operator signed; a member checks it with its {@code fault.operator-public-key}.
   *
   * @return its reputation afterwards
   * @throws IllegalArgumentException if the order does not verify, the node is not quarantined or
   *     its record changed since the order was signed; nothing changes
   * @throws IllegalStateException if the members have no operator key configured
   */
  Reputation release(ReleaseOrder order);

  /**
   * Releases a quarantined node, signing the order for its current record with the operator's keys
   * (see {@link #release(ReleaseOrder)}).
   */
  default Reputation release(String nodeId, NodeKeys operatorKeys) {
    return release(ReleaseOrder.sign(reputation(nodeId), operatorKeys));
  }

  /**
   * Submits signed evidence; a member verifies it before it counts.
   *
   * @return whether it counted (false when the same material was stored before) and the accused's
   *     reputation afterwards
   * @throws IllegalArgumentException if it does not verify (the message names the field); nothing
   *     changes
   */
  EvidenceReceipt reportEvidence(Evidence evidence);

  /** The evidence against one node, oldest first. */
  List<Evidence> evidenceAgainst(String nodeId);

  /** The newest evidence, at most {@code limit}. */
  List<Evidence> recentEvidence(int limit);

  /** Every published circuit breaker state, by node and name. */
  List<BreakerState> breakers();

  /**
   * Saves a versioned checkpoint of {@code owner} (a model, an agent, a task's progress).
   *
   * @throws IllegalArgumentException if it exceeds {@code storage.checkpoint-max-bytes}
   */
  CheckpointInfo saveCheckpoint(String owner, byte[] data);

  /** The retained checkpoint versions of {@code owner}, oldest first. */
  List<CheckpointInfo> checkpoints(String owner);

  /** The latest checkpoint of {@code owner}, verified against its hash. */
  Optional<Checkpoint> restoreLatest(String owner);

  /**
   * One version of {@code owner}'s checkpoint, verified against its hash.
   *
   * @throws IllegalArgumentException if the version is not retained
   * @throws IllegalStateException if its bytes do not match the saved hash
   */
  Checkpoint restore(String owner, long version);

  /**
   * What recovery did after each lost node, newest first (at most {@code
   * fault.max-recovery-events}).
   */
  List<RecoveryEvent> recoveryEvents();

  /**
   * Every registered node's health: heartbeat age, load (work held), reputation, breakers not
   * closed.
   */
  List<NodeHealth> health();

  /**
   * Work ownership ({@code swarm.work}) read and written from this client: create items owned by a
   * node, complete them with a lease, see who holds what. Its limit is the client's default {@code
   * fault.max-work-items}.
   */
  WorkItems work();

  /**
   * What submitting evidence did.
   *
   * @param counted whether it was new and lowered the accused's reputation
   * @param accused the accused's reputation afterwards
   */
  record EvidenceReceipt(boolean counted, Reputation accused) {}
}
