package io.swarmgrid.tasks.swarm.pattern;

import java.util.List;

/**
 * The population at one moment.
 *
 * @param tick the swarm's clock
 * @param best the best objective so far (lower is better, e.g. a tour length)
 * @param states one state vector per agent, all of one length
 */
public record PopulationSample(long tick, double best, List<double[]> states) {
  /** Copies the list. */
  public PopulationSample {
    states = List.copyOf(states);
  }
}
