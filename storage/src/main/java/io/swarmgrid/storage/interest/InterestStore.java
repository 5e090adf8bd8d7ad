package io.swarmgrid.storage.interest;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.internal.StoreProcessors.DeclareInterest;

/** Typed access to {@code swarm.interests}: which nodes care how much about which state. */
public final class InterestStore {
  private final IMap<String, InterestLevels> interests;

  /** The store of the cluster {@code hz} belongs to. */
  public InterestStore(HazelcastInstance hz) {
    this.interests = hz.getMap(SwarmMap.INTERESTS.mapName());
  }

  /**
   * Declares {@code nodeId}'s interest in {@code stateId}, 0..1 (0 withdraws it), next to the
   * entry.
   *
   * @throws IllegalArgumentException naming the level if it is outside 0..1; nothing is changed
   */
  public InterestLevels declare(String stateId, String nodeId, double level) {
    // Checked here too so that a bad level fails before any remote call.
    InterestLevels.none(stateId).with(nodeId, level, 0);
    return interests.executeOnKey(
        stateId, new DeclareInterest(nodeId, level, System.currentTimeMillis()));
  }

  /** The levels declared for {@code stateId} (none if nobody declared any). */
  public InterestLevels levels(String stateId) {
    InterestLevels l = interests.get(stateId);
    return l == null ? InterestLevels.none(stateId) : l;
  }
}
