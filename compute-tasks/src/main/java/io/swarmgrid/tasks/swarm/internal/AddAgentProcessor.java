package io.swarmgrid.tasks.swarm.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.swarm.AgentKey;
import io.swarmgrid.storage.swarm.AgentState;
import io.swarmgrid.tasks.swarm.AgentHost;
import java.io.IOException;
import java.util.Map;

/**
 * Adds an agent on its partition, after checking that its type is registered on the member that
 * owns it, that the id is free and that the member owns fewer agents than its bound; otherwise
 * throws, and nothing is stored.
 */
public final class AddAgentProcessor extends HostAware
    implements EntryProcessor<AgentKey, AgentState, AgentState>, IdentifiedDataSerializable {
  private AgentState agent;

  /** For deserialization. */
  public AddAgentProcessor() {}

  /** Adds {@code agent}. */
  public AddAgentProcessor(AgentState agent) {
    this.agent = agent;
  }

  @Override
  public AgentState process(Map.Entry<AgentKey, AgentState> entry) {
    AgentHost host = host();
    if (host.newAgent(agent.type()).isEmpty()) {
      throw new IllegalArgumentException(
          "agent type: '" + agent.type() + "' is not registered; registered: " + host.types());
    }
    if (entry.getValue() != null) {
      throw new IllegalArgumentException("agentId: '" + agent.agentId() + "' exists");
    }
    if (!host.admitAgent()) {
      throw new IllegalArgumentException(
          "agentId: '"
              + agent.agentId()
              + "' not added: its member owns swarm.max-agents-per-member ("
              + host.maxAgents()
              + ") agents");
    }
    entry.setValue(agent);
    return agent;
  }

  @Override
  public EntryProcessor<AgentKey, AgentState, AgentState> getBackupProcessor() {
    return new ApplyStateProcessor(agent).typed();
  }

  @Override
  public int getFactoryId() {
    return SwarmTaskSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return SwarmTaskSerializers.ADD;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeObject(agent);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    agent = in.readObject();
  }
}
