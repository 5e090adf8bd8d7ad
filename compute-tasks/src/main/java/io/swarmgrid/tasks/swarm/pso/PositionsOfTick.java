package io.swarmgrid.tasks.swarm.pso;

import java.util.Optional;

/**
 * What the particles of one swarm on one member did in one tick; particles report from partition
 * threads. The member adds the evaluations to the swarm and offers the best position after the
 * tick, and votes on an adoption proposal with the share of its particles that have stalled.
 */
public final class PositionsOfTick {
  private double[] best;
  private double bestValue = Double.POSITIVE_INFINITY;
  private long evaluations;
  private int particles;
  private int stalled;

  /** Records one particle's step: its personal best after the step, and whether it stalled. */
  public synchronized void report(double[] position, double value, boolean stalledParticle) {
    evaluations++;
    particles++;
    if (stalledParticle) {
      stalled++;
    }
    if (value < bestValue) {
      bestValue = value;
      best = position.clone();
    }
  }

  /** The best personal best reported, if any. */
  public synchronized Optional<SearchResult> best() {
    return best == null
        ? Optional.empty()
        : Optional.of(new SearchResult(best, bestValue, evaluations));
  }

  /** Evaluations made. */
  public synchronized long evaluations() {
    return evaluations;
  }

  /** Particles that reported. */
  public synchronized int particles() {
    return particles;
  }

  /** Of those, the ones whose personal best has not improved for a while. */
  public synchronized int stalled() {
    return stalled;
  }
}
