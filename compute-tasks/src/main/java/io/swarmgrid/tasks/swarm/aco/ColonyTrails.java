package io.swarmgrid.tasks.swarm.aco;

import io.swarmgrid.storage.swarm.ColonyParams;
import io.swarmgrid.storage.swarm.PheromoneTrail;
import io.swarmgrid.storage.swarm.TrailSpec;
import io.swarmgrid.tasks.swarm.tsp.AcoParams;
import io.swarmgrid.tasks.swarm.tsp.MaxMinTrail;
import io.swarmgrid.tasks.swarm.tsp.TourSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a colony's trail maps onto a pheromone map: one key {@code i-j} (i &lt; j) per edge, time in
 * ticks, evaporation e^(−ρ') per tick with ρ' = −ln(1−ρ) so that a tick evaporates the share ρ as
 * MAX–MIN ant systems do; τmin/τmax applied on read from the colony's best length.
 */
public final class ColonyTrails {
  private ColonyTrails() {}

  /** The pheromone trail's name of a colony. */
  public static String trailName(String colonyId) {
    return "aco." + colonyId;
  }

  /** The member-local name of a colony's view. */
  public static String viewName(String colonyId) {
    return "aco.view." + colonyId;
  }

  /** The trail spec of a colony of {@code cities} cities. */
  public static TrailSpec spec(ColonyParams params, int cities) {
    double perTick = -Math.log(1 - params.evaporation());
    int edges = Math.max(1, cities * (cities - 1) / 2);
    return new TrailSpec(perTick, 0, 0, Double.MAX_VALUE, edges, 1);
  }

  /** The key of edge (i, j). */
  public static String edgeKey(int i, int j) {
    return i < j ? i + "-" + j : j + "-" + i;
  }

  /** Every edge's key. */
  public static List<String> allKeys(int cities) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < cities; i++) {
      for (int j = i + 1; j < cities; j++) {
        keys.add(edgeKey(i, j));
      }
    }
    return keys;
  }

  /** 1/L on each edge of the tour. */
  public static Map<String, Double> deposit(int[] tour, long length) {
    Map<String, Double> amounts = new LinkedHashMap<>();
    for (int k = 0; k < tour.length; k++) {
      amounts.merge(edgeKey(tour[k], tour[(k + 1) % tour.length]), 1.0 / length, Double::sum);
    }
    return amounts;
  }

  /** The colony's parameters as the plain solver's. */
  public static AcoParams acoParams(ColonyParams p) {
    return new AcoParams(
        1, p.alpha(), p.beta(), p.evaporation(), p.candidates(), p.pBest(), p.stagnationTicks(), 0);
  }

  /**
   * The colony's parameters from the plain solver's, with its stagnation and global-best period (0:
   * the owning member's).
   */
  public static ColonyParams colonyParams(AcoParams p, int globalBestEvery, int stagnationTicks) {
    return new ColonyParams(
        p.alpha(),
        p.beta(),
        p.evaporation(),
        p.candidates(),
        p.pBest(),
        stagnationTicks,
        globalBestEvery);
  }

  /** τmax for a best length. */
  public static double tauMax(ColonyParams p, long bestLength) {
    return 1.0 / (p.evaporation() * bestLength);
  }

  /** The trail as read at {@code tick}, bounded to [τmin, τmax] of {@code bestLength}. */
  public static MaxMinTrail read(
      PheromoneTrail trail, TourSpace space, ColonyParams params, long bestLength, long tick) {
    int n = space.size();
    MaxMinTrail t = new MaxMinTrail(n, acoParams(params), bestLength);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        t.set(i, j, trail == null ? 0 : trail.intensity(edgeKey(i, j), tick));
      }
    }
    return t;
  }
}
