package io.swarmgrid.config;

import java.util.Locale;

/** The engines a member can run; each is switched on under {@code swarmgrid.engines}. */
public enum EngineKind {
  /** Reputation- and confidence-weighted consensus committed through the CP Subsystem. */
  CONSENSUS,
  /** Priority, deadline-aware messaging. */
  MESSAGING,
  /** Evidence, reputation, quarantine, circuit breakers, checkpoints, recovery. */
  FAULT,
  /** Task assignment and load balancing next to the data. */
  BALANCE,
  /** Swarm agents and pheromone maps. */
  SWARM,
  /** Energy-based task diffusion. */
  DIFFUSION,
  /** Interest-based state propagation. */
  PROPAGATION,
  /** Replication across regions. */
  REGION,
  /** Self-monitoring: each member's log checked, alerts raised by consensus (needs consensus). */
  MONITORING,
  /** Distributed learning next to the data, with robust aggregation. */
  LEARNING;

  /** The key under {@code swarmgrid.engines}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
