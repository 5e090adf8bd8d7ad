package io.swarmgrid.storage.swarm.internal;

import io.swarmgrid.storage.swarm.PheromoneTrail;
import java.util.Map;

final class Trails {
  private Trails() {}

  static PheromoneTrail existing(Map.Entry<String, PheromoneTrail> entry) {
    PheromoneTrail trail = entry.getValue();
    if (trail == null) {
      throw new IllegalArgumentException(
          "no pheromone trail named " + entry.getKey() + "; create it first");
    }
    return trail;
  }
}
