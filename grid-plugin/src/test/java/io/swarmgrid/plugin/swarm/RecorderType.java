package io.swarmgrid.plugin.swarm;

import io.swarmgrid.tasks.swarm.AgentContext;
import io.swarmgrid.tasks.swarm.SwarmAgent;
import io.swarmgrid.tasks.swarm.SwarmAgentType;

/**
 * The test agent type {@code recorder}, found as a service so that a member joining mid-test has it
 * before it steps anything: each step writes the tick it is stepped in into the agent's memory.
 */
public final class RecorderType implements SwarmAgentType {
  /** The type name. */
  public static final String NAME = "recorder";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SwarmAgent create() {
    return new Recorder();
  }

  private static final class Recorder implements SwarmAgent {
    @Override
    public int step(AgentContext context) {
      context.remember(Long.toString(context.tick()));
      return 1;
    }

    @Override
    public String roleName() {
      return NAME;
    }
  }
}
