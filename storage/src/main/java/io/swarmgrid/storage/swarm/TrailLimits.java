package io.swarmgrid.storage.swarm;

/**
 * A member's bounds on the pheromone trails it holds (from {@code swarmgrid.swarm}), registered as
 * a member service by the swarm engine: creating a trail on that member whose own key bound is
 * higher is refused.
 *
 * @param maxKeys the most keys a trail may be created with ({@code pheromone-max-keys})
 */
public record TrailLimits(int maxKeys) {
  /** Checks the bound. */
  public TrailLimits {
    if (maxKeys < 1) {
      throw new IllegalArgumentException("pheromone-max-keys: " + maxKeys + " is below 1");
    }
  }
}
