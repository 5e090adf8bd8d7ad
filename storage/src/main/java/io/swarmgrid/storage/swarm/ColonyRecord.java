package io.swarmgrid.storage.swarm;

import java.util.Objects;

/**
 * An ant colony in {@code swarm.colonies}: its problem, parameters and the best tour found so far,
 * shared by every member whose ants work on it. Times are ticks of the swarm engine.
 *
 * @param colonyId the colony's id (its key)
 * @param problem the problem as text (a TSPLIB file)
 * @param params the colony's parameters
 * @param bestTour the best tour so far, 0-based city indices; empty before the first
 * @param bestLength its length; {@code Long.MAX_VALUE} before the first
 * @param bestTick the tick it was found in
 * @param lastImprovementTick the last tick that improved the best, or the last reset
 * @param resets trail re-initialisations after stagnation
 * @param createdTick the tick the colony was created in
 */
public record ColonyRecord(
    String colonyId,
    String problem,
    ColonyParams params,
    int[] bestTour,
    long bestLength,
    long bestTick,
    long lastImprovementTick,
    long resets,
    long createdTick) {

  /** Checks the required fields. */
  public ColonyRecord {
    Objects.requireNonNull(colonyId, "colonyId");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(params, "params");
    bestTour = bestTour == null ? new int[0] : bestTour.clone();
  }

  /** A new colony seeded with a first tour (e.g. nearest neighbour + local search). */
  public static ColonyRecord create(
      String colonyId,
      String problem,
      ColonyParams params,
      int[] firstTour,
      long firstLength,
      long tick) {
    return new ColonyRecord(colonyId, problem, params, firstTour, firstLength, tick, tick, 0, tick);
  }

  /** The best tour (a copy). */
  @Override
  public int[] bestTour() {
    return bestTour.clone();
  }

  /** This colony with {@code tour} as its best if it is shorter. */
  public ColonyRecord offer(int[] tour, long length, long tick) {
    if (length >= bestLength) {
      return this;
    }
    return new ColonyRecord(
        colonyId, problem, params, tour, length, tick, tick, resets, createdTick);
  }

  /**
   * Whether no better tour was found for {@code params.stagnationTicks} ticks before {@code tick}.
   */
  public boolean stagnantAt(long tick) {
    return tick - lastImprovementTick >= params.stagnationTicks();
  }

  /** This colony with its parameters' member defaults filled in (see {@link ColonyParams}). */
  public ColonyRecord withDefaults(int memberStagnationTicks, int memberGlobalBestEvery) {
    return new ColonyRecord(
        colonyId,
        problem,
        params.withDefaults(memberStagnationTicks, memberGlobalBestEvery),
        bestTour,
        bestLength,
        bestTick,
        lastImprovementTick,
        resets,
        createdTick);
  }

  /** This colony after a trail reset in {@code tick}: the stagnation count starts again. */
  public ColonyRecord reset(long tick) {
    return new ColonyRecord(
        colonyId, problem, params, bestTour, bestLength, bestTick, tick, resets + 1, createdTick);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ColonyRecord c
        && colonyId.equals(c.colonyId)
        && problem.equals(c.problem)
        && params.equals(c.params)
        && java.util.Arrays.equals(bestTour, c.bestTour)
        && bestLength == c.bestLength
        && bestTick == c.bestTick
        && lastImprovementTick == c.lastImprovementTick
        && resets == c.resets
        && createdTick == c.createdTick;
  }

  @Override
  public int hashCode() {
    return Objects.hash(colonyId, bestLength, bestTick, resets);
  }
}
