package io.swarmgrid.storage.swarm;

/** Whether a detected pattern helps the swarm's goal or hurts it. */
public enum PatternEffect {
  /** Helps: e.g. convergence while the best still improves, niches exploring apart. */
  BENEFICIAL,
  /** Hurts: e.g. stagnation, premature convergence, oscillation. */
  HARMFUL
}
