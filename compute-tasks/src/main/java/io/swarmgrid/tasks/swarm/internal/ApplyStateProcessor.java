package io.swarmgrid.tasks.swarm.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.swarm.AgentKey;
import io.swarmgrid.storage.swarm.AgentState;
import java.io.IOException;
import java.util.Map;

/**
 * The backup of an agent processor: writes the state the primary computed (or removes the entry). A
 * step is not deterministic (agents draw random numbers and read member-local snapshots), so
 * re-running it on the backup would leave the replicas apart.
 */
public final class ApplyStateProcessor
    implements EntryProcessor<AgentKey, AgentState, Object>, IdentifiedDataSerializable {
  private AgentState state;

  /** For deserialization. */
  public ApplyStateProcessor() {}

  ApplyStateProcessor(AgentState state) {
    this.state = state;
  }

  // The backup's result is never read: any result type will do.
  @SuppressWarnings("unchecked")
  <R> EntryProcessor<AgentKey, AgentState, R> typed() {
    return (EntryProcessor<AgentKey, AgentState, R>) (EntryProcessor<?, ?, ?>) this;
  }

  @Override
  public Object process(Map.Entry<AgentKey, AgentState> entry) {
    entry.setValue(state);
    return null;
  }

  @Override
  public int getFactoryId() {
    return SwarmTaskSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return SwarmTaskSerializers.APPLY;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeObject(state);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    state = in.readObject();
  }
}
