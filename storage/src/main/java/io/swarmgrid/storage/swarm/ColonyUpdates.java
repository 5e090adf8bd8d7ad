package io.swarmgrid.storage.swarm;

import com.hazelcast.map.EntryProcessor;
import io.swarmgrid.storage.swarm.internal.OfferTourProcessor;
import io.swarmgrid.storage.swarm.internal.ResetIfStagnantProcessor;

/**
 * The changes a member makes to a colony's record in {@code swarm.colonies}, each one entry
 * processor on the colony's key (so concurrent members never lose each other's best tour).
 */
public final class ColonyUpdates {
  private ColonyUpdates() {}

  /**
   * Offers {@code tour} of {@code length} found in {@code tick}: kept if shorter than the colony's
   * best. The processor answers the colony's best length afterwards.
   */
  public static EntryProcessor<String, ColonyRecord, Long> offerTour(
      int[] tour, long length, long tick) {
    return new OfferTourProcessor(tour, length, tick);
  }

  /**
   * Re-initialises the colony's trail when it has stagnated at {@code tick} (MAX-MIN ant systems'
   * response to stagnation); answers whether it did. {@code memberStagnationTicks} counts for a
   * colony that leaves its stagnation to the member.
   */
  public static EntryProcessor<String, ColonyRecord, Boolean> resetIfStagnant(
      long tick, int memberStagnationTicks) {
    return new ResetIfStagnantProcessor(tick, memberStagnationTicks);
  }
}
