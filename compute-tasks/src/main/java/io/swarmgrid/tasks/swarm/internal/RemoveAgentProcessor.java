package io.swarmgrid.tasks.swarm.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.swarm.AgentKey;
import io.swarmgrid.storage.swarm.AgentState;
import io.swarmgrid.storage.swarm.AgentStatus;
import io.swarmgrid.tasks.swarm.AgentHost;
import io.swarmgrid.tasks.swarm.SwarmAgent;
import java.util.Map;

/** Removes an agent, calling its {@code close} first if it started; returns whether it existed. */
public final class RemoveAgentProcessor extends HostAware
    implements EntryProcessor<AgentKey, AgentState, Boolean>, IdentifiedDataSerializable {

  @Override
  public Boolean process(Map.Entry<AgentKey, AgentState> entry) {
    AgentState s = entry.getValue();
    if (s == null) {
      return false;
    }
    AgentHost host = hostOrNull();
    SwarmAgent agent = host == null ? null : host.newAgent(s.type()).orElse(null);
    if (agent != null && s.status() != AgentStatus.NEW) {
      try {
        agent.close(new StepContext(s, -1, host));
      } catch (RuntimeException e) {
        // Removed all the same: a close that throws must not keep the agent alive.
      }
    }
    entry.setValue(null);
    return true;
  }

  @Override
  public EntryProcessor<AgentKey, AgentState, Boolean> getBackupProcessor() {
    return new ApplyStateProcessor(null).typed();
  }

  @Override
  public int getFactoryId() {
    return SwarmTaskSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return SwarmTaskSerializers.REMOVE;
  }

  @Override
  public void writeData(ObjectDataOutput out) {}

  @Override
  public void readData(ObjectDataInput in) {}
}
