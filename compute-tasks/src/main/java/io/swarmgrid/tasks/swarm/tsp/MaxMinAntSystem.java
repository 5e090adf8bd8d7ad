package io.swarmgrid.tasks.swarm.tsp;

import java.time.Duration;
import java.util.Random;

/**
 * A MAX–MIN ant system with 2-opt local search (Stützle and Hoos, 2000), in one thread: each
 * iteration every ant builds a tour and improves it by 2-opt; the iteration-best or the global-best
 * tour (the latter more often as the run goes on) deposits on the trail; trails are reset to τmax
 * after {@link AcoParams#stagnationIterations} iterations without a better tour.
 */
public final class MaxMinAntSystem {
  private final TourSpace space;
  private final AcoParams params;
  private final Random random;
  private final MaxMinTrail trail;
  private int[] best;
  private long bestLength;
  private long iterations;
  private long sinceRestart;
  private long sinceImprovement;
  private long resets;

  /** A colony on {@code space}, trails at τmax for the nearest-neighbour tour. */
  public MaxMinAntSystem(TourSpace space, AcoParams params) {
    this.space = space;
    this.params = params;
    this.random = new Random(params.seed());
    this.best = space.nearestNeighbourTour();
    this.bestLength = TwoOpt.improve(space, best);
    this.trail = new MaxMinTrail(space.size(), params, bestLength);
  }

  /** Runs {@code instance} for at most {@code budget}, stopping early at {@code target} (or 0). */
  public static AcoResult solve(
      TspInstance instance, AcoParams params, Duration budget, long target) {
    long start = System.nanoTime();
    long deadline = start + budget.toNanos();
    MaxMinAntSystem colony = new MaxMinAntSystem(new TourSpace(instance, params), params);
    double toTarget = -1;
    while (System.nanoTime() < deadline) {
      if (target > 0 && colony.bestLength() <= target) {
        toTarget = (System.nanoTime() - start) / 1e9;
        break;
      }
      colony.iterate();
    }
    if (toTarget < 0 && target > 0 && colony.bestLength() <= target) {
      toTarget = (System.nanoTime() - start) / 1e9;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new AcoResult(
        instance.name(),
        colony.best(),
        colony.bestLength(),
        colony.iterations(),
        seconds,
        toTarget);
  }

  /** One iteration: every ant builds and improves a tour; the trail is updated. */
  public void iterate() {
    double[][] choice = trail.choice(space);
    int[] iterationBest = null;
    long iterationBestLength = Long.MAX_VALUE;
    for (int a = 0; a < params.ants(); a++) {
      int[] tour = AntWalk.build(space, choice, random);
      long length = TwoOpt.improve(space, tour);
      if (length < iterationBestLength) {
        iterationBest = tour;
        iterationBestLength = length;
      }
    }
    offer(iterationBest, iterationBestLength);
    boolean globalTurn = sinceRestart % globalBestPeriod() == 0;
    if (globalTurn) {
      trail.evaporateAndDeposit(best, bestLength);
    } else {
      trail.evaporateAndDeposit(iterationBest, iterationBestLength);
    }
    endIteration();
  }

  /**
   * Takes a tour found elsewhere (another ant, another member); returns whether it is the new best.
   */
  public boolean offer(int[] tour, long length) {
    if (length < bestLength) {
      best = tour.clone();
      bestLength = length;
      sinceImprovement = 0;
      trail.updateBounds(bestLength);
      return true;
    }
    return false;
  }

  /** Counts the iteration and resets the trail after too long without a better tour. */
  public void endIteration() {
    iterations++;
    sinceRestart++;
    sinceImprovement++;
    if (sinceImprovement >= params.stagnationIterations()) {
      trail.reset();
      resets++;
      sinceRestart = 0;
      sinceImprovement = 0;
    }
  }

  // Stützle's schedule: the global-best tour deposits more often the longer the run since a reset.
  private long globalBestPeriod() {
    if (sinceRestart < 25) {
      return Long.MAX_VALUE;
    } else if (sinceRestart < 75) {
      return 5;
    } else if (sinceRestart < 125) {
      return 3;
    } else if (sinceRestart < 250) {
      return 2;
    }
    return 1;
  }

  /** The best tour so far (a copy). */
  public int[] best() {
    return best.clone();
  }

  /** Its length. */
  public long bestLength() {
    return bestLength;
  }

  /** Iterations run. */
  public long iterations() {
    return iterations;
  }

  /** Trail resets after stagnation so far. */
  public long resets() {
    return resets;
  }

  /** The trail. */
  public MaxMinTrail trail() {
    return trail;
  }

  /** The instance's matrices. */
  public TourSpace space() {
    return space;
  }
}
