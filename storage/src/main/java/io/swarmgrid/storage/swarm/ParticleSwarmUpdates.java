package io.swarmgrid.storage.swarm;

import com.hazelcast.map.EntryProcessor;
import io.swarmgrid.storage.swarm.internal.OfferPositionProcessor;
import io.swarmgrid.storage.swarm.internal.ProposeAdoptionProcessor;
import io.swarmgrid.storage.swarm.internal.SettleAdoptionProcessor;

/**
 * The changes members make to a particle swarm's record, each one entry processor on the swarm's
 * key (so concurrent members never lose each other's evaluations or best position).
 */
public final class ParticleSwarmUpdates {
  private ParticleSwarmUpdates() {}

  /**
   * Adds {@code spent} evaluations and offers their best, {@code value} at {@code position}, found
   * in {@code tick}; answers the record afterwards (null if the swarm is gone).
   */
  public static EntryProcessor<String, ParticleSwarmRecord, ParticleSwarmRecord> offer(
      double[] position, double value, long spent, long tick) {
    return new OfferPositionProcessor(position, value, spent, tick);
  }

  /**
   * Opens the adoption proposal {@code proposalId} in {@code tick} unless one is open or the best
   * was adopted; answers whether it did (so exactly one member proposes).
   */
  public static EntryProcessor<String, ParticleSwarmRecord, Boolean> propose(
      String proposalId, long tick) {
    return new ProposeAdoptionProcessor(proposalId, tick);
  }

  /**
   * Applies the committed decision on {@code proposalId}: adopted, or the proposal closed. Answers
   * whether the record still had that proposal open.
   */
  public static EntryProcessor<String, ParticleSwarmRecord, Boolean> settle(
      String proposalId, boolean adopt) {
    return new SettleAdoptionProcessor(proposalId, adopt);
  }
}
