package io.swarmgrid.tasks.swarm.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.swarm.AgentKey;
import io.swarmgrid.storage.swarm.AgentState;
import io.swarmgrid.storage.swarm.AgentStatus;
import java.io.IOException;
import java.util.Map;

/**
 * Pauses an agent, or resumes it (to ACTIVE, or NEW if it never started; a FAILED agent resumes
 * too, to be retried); returns whether it exists.
 */
public final class PauseProcessor
    implements EntryProcessor<AgentKey, AgentState, Boolean>, IdentifiedDataSerializable {
  private boolean pause;

  /** For deserialization. */
  public PauseProcessor() {}

  /** Pauses when {@code pause}, else resumes. */
  public PauseProcessor(boolean pause) {
    this.pause = pause;
  }

  @Override
  public Boolean process(Map.Entry<AgentKey, AgentState> entry) {
    AgentState s = entry.getValue();
    if (s == null) {
      return false;
    }
    AgentStatus next;
    if (pause) {
      next = AgentStatus.PAUSED;
    } else {
      next = s.steps() == 0 ? AgentStatus.NEW : AgentStatus.ACTIVE;
    }
    entry.setValue(s.withStatus(next, pause ? "" : s.lastError()));
    return true;
  }

  @Override
  public int getFactoryId() {
    return SwarmTaskSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return SwarmTaskSerializers.PAUSE;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeBoolean(pause);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    pause = in.readBoolean();
  }
}
