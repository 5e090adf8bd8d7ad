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
import java.io.IOException;
import java.util.Map;

/**
 * Steps an agent for one tick, on its partition, and writes it back in the same operation. Fenced:
 * an agent already stepped in this tick (or a later one) is left alone, so a retried or duplicated
 * call after a migration or a member's death never steps it twice. Returns the work done, or {@link
 * #SKIPPED} when it did not step.
 */
public final class StepProcessor extends HostAware
    implements EntryProcessor<AgentKey, AgentState, Integer>, IdentifiedDataSerializable {
  /** What the processor returns for an agent it did not step. */
  public static final int SKIPPED = -1;

  private long tick;
  private transient AgentState after;

  /** For deserialization. */
  public StepProcessor() {}

  /** Steps for {@code tick}. */
  public StepProcessor(long tick) {
    this.tick = tick;
  }

  @Override
  public Integer process(Map.Entry<AgentKey, AgentState> entry) {
    AgentState s = entry.getValue();
    if (s == null
        || s.tick() >= tick
        || s.status() == AgentStatus.PAUSED
        || s.status() == AgentStatus.FAILED) {
      return SKIPPED;
    }
    AgentHost host = hostOrNull();
    if (host == null) {
      return SKIPPED;
    }
    SwarmAgent agent = host.newAgent(s.type()).orElse(null);
    if (agent == null) {
      host.countFailure();
      write(
          entry,
          s.withStatus(
              AgentStatus.FAILED,
              "agent type '" + s.type() + "' is not registered; registered: " + host.types()));
      return SKIPPED;
    }
    StepContext ctx = new StepContext(s, tick, host);
    int work;
    try {
      if (s.status() == AgentStatus.NEW) {
        agent.start(ctx);
      }
      work = agent.step(ctx);
    } catch (RuntimeException e) {
      host.countFailure();
      write(entry, s.withStatus(AgentStatus.FAILED, agent.roleName() + " failed: " + e));
      return SKIPPED;
    }
    write(entry, s.stepped(tick, work, ctx.newMemory(), ctx.newLinks(), ctx.data()));
    host.countStep();
    return Math.max(0, work);
  }

  // One instance per agent and call (see SwarmAgents.step), so the state can wait here for the
  // backup.
  private void write(Map.Entry<AgentKey, AgentState> entry, AgentState state) {
    entry.setValue(state);
    after = state;
  }

  @Override
  public EntryProcessor<AgentKey, AgentState, Integer> getBackupProcessor() {
    return after == null ? null : new ApplyStateProcessor(after).typed();
  }

  @Override
  public int getFactoryId() {
    return SwarmTaskSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return SwarmTaskSerializers.STEP;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeLong(tick);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    tick = in.readLong();
  }
}
