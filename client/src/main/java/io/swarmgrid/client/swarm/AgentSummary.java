package io.swarmgrid.client.swarm;

import java.util.Map;

/**
 * The population at a glance.
 *
 * @param agents how many agents exist
 * @param byStatus agents per status name
 * @param byType agents per type
 * @param byMember agents per owning member ({@code host:port}), i.e. where they are stepped
 * @param steps steps taken by all agents
 */
public record AgentSummary(
    int agents,
    Map<String, Integer> byStatus,
    Map<String, Integer> byType,
    Map<String, Integer> byMember,
    long steps) {
  /** Copies the maps. */
  public AgentSummary {
    byStatus = Map.copyOf(byStatus);
    byType = Map.copyOf(byType);
    byMember = Map.copyOf(byMember);
  }
}
