package io.swarmgrid.client.swarm;

import io.swarmgrid.storage.swarm.PatternStability;
import java.time.Duration;
import java.util.Map;

/**
 * What the swarm runtime is doing, measured over a window.
 *
 * @param agents the population at the end of the window (by status, type, owning member)
 * @param stepsPerSecond agent steps per second over the window, all members together
 * @param steadiness the slower half of the window's step rate over the faster half: 1 when the
 *     swarm steps at a steady rate, towards 0 when stepping stalls (0 when nothing stepped)
 * @param trailKeys keys stored per pheromone trail (expired ones go on the next write)
 * @param colonyBest best tour length per ant colony
 * @param particleSwarmBest best objective value per particle swarm
 * @param adoptedSwarms particle swarms whose best was adopted by a collective decision
 * @param patternsByKind emergent patterns detected so far, all swarms, per kind
 * @param harmfulPatterns of those, the ones classified harmful
 * @param patternStability per swarm with patterns, its stability over them (the share of detector
 *     windows with a harmful or beneficial pattern, ticks since the last harmful one)
 * @param window the window measured
 */
public record SwarmActivity(
    AgentSummary agents,
    double stepsPerSecond,
    double steadiness,
    Map<String, Integer> trailKeys,
    Map<String, Long> colonyBest,
    Map<String, Double> particleSwarmBest,
    java.util.List<String> adoptedSwarms,
    Map<String, Integer> patternsByKind,
    int harmfulPatterns,
    Map<String, PatternStability> patternStability,
    Duration window) {

  /** Copies the maps. */
  public SwarmActivity {
    trailKeys = Map.copyOf(trailKeys);
    colonyBest = Map.copyOf(colonyBest);
    particleSwarmBest = Map.copyOf(particleSwarmBest);
    adoptedSwarms = java.util.List.copyOf(adoptedSwarms);
    patternsByKind = Map.copyOf(patternsByKind);
    patternStability = Map.copyOf(patternStability);
  }
}
