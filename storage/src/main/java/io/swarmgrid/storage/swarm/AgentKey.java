package io.swarmgrid.storage.swarm;

import com.hazelcast.partition.PartitionAware;

/**
 * Key of an agent in {@code swarm.agents}. An agent id is {@code <name>@<dataKey>} when the agent
 * lives next to a data key, and the key's partition is the data key's: the agent is stored and
 * stepped on the member that owns its data. Without a data key the id's own hash places it.
 *
 * @param agentId the agent id
 */
public record AgentKey(String agentId) implements PartitionAware<String> {

  /** Checks the id. */
  public AgentKey {
    AgentIds.require(agentId);
  }

  /** The data key the id carries, or empty. */
  public String dataKey() {
    return AgentIds.dataKey(agentId);
  }

  @Override
  public String getPartitionKey() {
    String data = dataKey();
    return data.isEmpty() ? agentId : data;
  }
}
