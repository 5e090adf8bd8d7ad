package io.swarmgrid.tasks.swarm.aco;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.swarm.ColonyParams;
import io.swarmgrid.storage.swarm.ColonyRecord;
import io.swarmgrid.storage.swarm.PheromoneMap;
import io.swarmgrid.tasks.swarm.AgentSpec;
import io.swarmgrid.tasks.swarm.SwarmAgents;
import io.swarmgrid.tasks.swarm.tsp.AcoParams;
import io.swarmgrid.tasks.swarm.tsp.TourSpace;
import io.swarmgrid.tasks.swarm.tsp.TspInstance;
import io.swarmgrid.tasks.swarm.tsp.Tsplib;
import io.swarmgrid.tasks.swarm.tsp.TwoOpt;
import java.util.Arrays;
import java.util.Optional;

/**
 * Starts, reads and stops ant colonies on the grid (from a member or a client). A colony is a
 * record in {@code swarm.colonies}, a trail in {@code swarm.pheromones} and {@code ants} agents of
 * type {@value AntAgent#TYPE} spread over the partitions; members running the swarm engine step the
 * ants they own and deposit each tick's best.
 */
public final class AcoColonies {
  private final IMap<String, ColonyRecord> colonies;
  private final PheromoneMap trails;
  private final SwarmAgents agents;

  /** Colonies of the grid {@code hz} belongs to. */
  public AcoColonies(HazelcastInstance hz) {
    this.colonies = hz.getMap(SwarmMap.COLONIES.mapName());
    this.trails = new PheromoneMap(hz);
    this.agents = new SwarmAgents(hz);
  }

  /**
   * Starts a colony on a TSPLIB problem; its stagnation (trail reset) and global-best deposits
   * follow the member owning it ({@code swarmgrid.swarm.colony-stagnation-ticks}, {@code
   * colony-global-best-every}); {@code params.stagnationIterations()} is the plain solver's.
   *
   * @param problem the TSPLIB text (members parse it again)
   * @throws IllegalArgumentException for a malformed problem (the line is named), a taken colony id
   *     or ants below 1; nothing is stored
   */
  public ColonyRecord start(String colonyId, String problem, AcoParams params, int ants) {
    return start(colonyId, problem, params, ants, 0, 0);
  }

  /**
   * Starts a colony on a TSPLIB problem that resets its trail after {@code stagnationTicks} ticks
   * without a better tour and deposits its best every {@code globalBestEvery} ticks (0: the owning
   * member's value).
   *
   * @param problem the TSPLIB text (members parse it again)
   * @throws IllegalArgumentException for a malformed problem (the line is named), a taken colony
   *     id, ants below 1 or a negative tick count; nothing is stored
   */
  public ColonyRecord start(
      String colonyId,
      String problem,
      AcoParams params,
      int ants,
      int stagnationTicks,
      int globalBestEvery) {
    if (ants < 1) {
      throw new IllegalArgumentException("ants: " + ants + " is below 1");
    }
    if (stagnationTicks < 0 || globalBestEvery < 0) {
      throw new IllegalArgumentException(
          "stagnationTicks/globalBestEvery: "
              + stagnationTicks
              + "/"
              + globalBestEvery
              + " is negative (0: the member's value)");
    }
    TspInstance instance = Tsplib.parseInstance(colonyId, Arrays.asList(problem.split("\\R")));
    TourSpace space = new TourSpace(instance, params);
    int[] first = space.nearestNeighbourTour();
    long firstLength = TwoOpt.improve(space, first);
    ColonyParams cp = ColonyTrails.colonyParams(params, globalBestEvery, stagnationTicks);
    // Stagnant from the start (last improvement long ago): the first member tick fills the trail
    // at τmax, with the members' tick clock.
    ColonyRecord record =
        new ColonyRecord(colonyId, problem, cp, first, firstLength, 0, Long.MIN_VALUE / 4, -1, 0);
    if (colonies.putIfAbsent(colonyId, record) != null) {
      throw new IllegalArgumentException("colonyId: '" + colonyId + "' exists");
    }
    trails.create(ColonyTrails.trailName(colonyId), ColonyTrails.spec(cp, instance.dimension()));
    for (int k = 0; k < ants; k++) {
      agents.add(
          AgentSpec.of("ant-" + k, AntAgent.TYPE)
              .onData(colonyId + ":" + k)
              .withData(colonyId)
              .withMemoryLimit(16));
    }
    return record;
  }

  /** The colony, with its best tour so far. */
  public Optional<ColonyRecord> get(String colonyId) {
    return Optional.ofNullable(colonies.get(colonyId));
  }

  /** Removes the colony's ants, trail and record. */
  public void stop(String colonyId, int ants) {
    for (int k = 0; k < ants; k++) {
      agents.remove("ant-" + k + "@" + colonyId + ":" + k);
    }
    colonies.delete(colonyId);
    trails.delete(ColonyTrails.trailName(colonyId));
  }
}
