package io.swarmgrid.client.swarm;

import java.util.Map;

/**
 * The population at a glance.
 *
 * @param agents how many agents exist
 * @param byStatus agents per status name
 * @param byType agents per type
 * @param steps steps taken by all agents
 */
public record AgentSummary(
    int agents, Map<String, Integer> byStatus, Map<String, Integer> byType, long steps) {
  /** Copies the maps. */
  public AgentSummary {
    byStatus = Map.copyOf(byStatus);
    byType = Map.copyOf(byType);
  }
}
