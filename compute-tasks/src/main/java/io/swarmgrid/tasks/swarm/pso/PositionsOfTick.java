package io.swarmgrid.tasks.swarm.pso;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the particles of one swarm on one member did in one tick; particles report from partition
 * threads. Particles do not evaluate on their partition thread: each hands the position it moved to
 * ({@link #await}) and the member evaluates the tick's positions in one batch after the tick (next
 * to the data for a {@link ShardedModelObjective}), adds the evaluations to the swarm and offers
 * the best; the particles apply their scores at the next tick. The member votes on an adoption
 * proposal with the share of its particles that have stalled.
 */
public final class PositionsOfTick {
  private final List<double[]> pending = new ArrayList<>();
  private int particles;
  private int stalled;

  /** The key of a position in a tick's scores (exact: doubles print back to themselves). */
  public static String key(double[] position) {
    return Arrays.toString(position);
  }

  /** Records one particle's step: whether its personal best, once scored, has stalled. */
  public synchronized void report(boolean stalledParticle) {
    particles++;
    if (stalledParticle) {
      stalled++;
    }
  }

  /** Hands a position over to be evaluated after the tick. */
  public synchronized void await(double[] position) {
    pending.add(position.clone());
  }

  /** The positions to evaluate, in the order they were handed over. */
  public synchronized List<double[]> pending() {
    return List.copyOf(pending);
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
