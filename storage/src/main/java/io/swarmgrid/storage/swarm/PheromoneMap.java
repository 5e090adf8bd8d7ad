package io.swarmgrid.storage.swarm;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.swarm.internal.CreateTrailProcessor;
import io.swarmgrid.storage.swarm.internal.DepositProcessor;
import io.swarmgrid.storage.swarm.internal.FillProcessor;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Named pheromone trails in {@code swarm.pheromones} (stigmergy). One trail is one entry, so a
 * deposit of many keys is one entry processor on the trail's partition, a bulk read of many keys is
 * one get, and the bound on keys per trail is checked atomically. Evaporation is computed on read
 * (I·e^(−ρΔt)) from each key's stored time; nothing rewrites the map on a timer. Times are on the
 * callers' clock: pass {@code now} explicitly (wall-clock millis, or a logical clock with {@link
 * TrailSpec#timeUnitMillis()} 1) and keep one clock per trail.
 */
public final class PheromoneMap {
  private final IMap<String, PheromoneTrail> map;

  /** Trails of the grid that {@code hz} (member or client) belongs to. */
  public PheromoneMap(HazelcastInstance hz) {
    this.map = hz.getMap(SwarmMap.PHEROMONES.mapName());
  }

  /**
   * Creates the trail, or returns quietly if it exists with the same spec.
   *
   * @throws IllegalArgumentException naming the trail and both specs if it exists with another spec
   */
  public void create(String trail, TrailSpec spec) {
    requireName(trail);
    PheromoneTrail inForce = map.executeOnKey(trail, new CreateTrailProcessor(spec));
    if (!inForce.spec().equals(spec)) {
      throw new IllegalArgumentException(
          "pheromone trail " + trail + " exists with spec " + inForce.spec() + ", not " + spec);
    }
  }

  /**
   * Adds amounts to the keys' decayed intensities at {@code now}, in one partition operation.
   *
   * @return the number of keys the trail holds afterwards
   * @throws IllegalArgumentException if the trail does not exist, an amount is negative or not
   *     finite, or the trail would exceed its key bound; nothing is deposited then
   */
  public int deposit(String trail, Map<String, Double> amounts, long now) {
    requireName(trail);
    return map.executeOnKey(trail, new DepositProcessor(amounts, now));
  }

  /**
   * Replaces the trail's keys with {@code keys} at {@code value} (re-initialisation).
   *
   * @throws IllegalArgumentException as {@link #deposit}
   */
  public int fill(String trail, Collection<String> keys, double value, long now) {
    requireName(trail);
    return map.executeOnKey(trail, new FillProcessor(keys.toArray(new String[0]), value, now));
  }

  /** The intensities of {@code keys} at {@code now}, read in one call; empty if no such trail. */
  public Map<String, Double> read(String trail, Collection<String> keys, long now) {
    return snapshot(trail).map(t -> t.intensities(keys, now)).orElse(Map.of());
  }

  /** The whole trail as stored (decay it with {@link PheromoneTrail#intensity}). */
  public Optional<PheromoneTrail> snapshot(String trail) {
    requireName(trail);
    return Optional.ofNullable(map.get(trail));
  }

  /** Removes the trail. */
  public void delete(String trail) {
    requireName(trail);
    map.delete(trail);
  }

  private static void requireName(String trail) {
    if (trail == null || trail.isBlank()) {
      throw new IllegalArgumentException("invalid trail name: '" + trail + "'");
    }
  }
}
