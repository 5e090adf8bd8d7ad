package io.swarmgrid.tasks.swarm.aco;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shortest tour the ants of one member found in one tick; ants offer from partition threads.
 */
public final class BestOfTick {
  private int[] tour;
  private long length = Long.MAX_VALUE;
  private int offers;
  private final List<Long> lengths = new ArrayList<>();

  /** Keeps {@code tour} if it is the shortest so far. */
  public synchronized void offer(int[] tour, long length) {
    offers++;
    lengths.add(length);
    if (length < this.length) {
      this.tour = tour.clone();
      this.length = length;
    }
  }

  /** The shortest tour offered, if any. */
  public synchronized Optional<ScoredTour> best() {
    return tour == null ? Optional.empty() : Optional.of(new ScoredTour(tour.clone(), length));
  }

  /** The lengths of every tour offered: this tick's population on this member. */
  public synchronized List<Long> lengths() {
    return List.copyOf(lengths);
  }

  /** Tours offered. */
  public synchronized int offers() {
    return offers;
  }
}
