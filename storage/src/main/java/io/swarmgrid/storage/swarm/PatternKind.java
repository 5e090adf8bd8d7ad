package io.swarmgrid.storage.swarm;

/** Emergent patterns detected in a swarm's population over time. */
public enum PatternKind {
  /** The diversity of the population's states fell: the swarm is agreeing. */
  CONVERGENCE,
  /** The best solution has not improved for a while. */
  STAGNATION,
  /** The population's mean state swings back and forth without a trend. */
  OSCILLATION,
  /** The population splits into separate groups of states. */
  CLUSTERS
}
