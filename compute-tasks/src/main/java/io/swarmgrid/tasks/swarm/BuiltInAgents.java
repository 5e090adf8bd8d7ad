package io.swarmgrid.tasks.swarm;

import io.swarmgrid.tasks.swarm.aco.AntAgent;
import io.swarmgrid.tasks.swarm.pso.ParticleAgent;
import java.util.ServiceLoader;

/** The agent types every swarm engine registers: the built-in ones and those found as services. */
public final class BuiltInAgents {
  /** An agent that counts its steps in its data: the cheapest real step, for benchmarks. */
  public static final String COUNTER = "counter";

  /** An ant of a colony on the grid ({@link AntAgent}). */
  public static final String ANT = AntAgent.TYPE;

  /** A particle of a particle swarm on the grid ({@link ParticleAgent}). */
  public static final String PARTICLE = ParticleAgent.TYPE;

  private BuiltInAgents() {}

  /** Registers the built-in types on {@code host}, then the {@link SwarmAgentType}s found. */
  public static void registerAll(AgentHost host) {
    host.registerType(COUNTER, CounterAgent::new);
    host.registerType(ANT, AntAgent::new);
    host.registerType(PARTICLE, ParticleAgent::new);
    for (SwarmAgentType t : ServiceLoader.load(SwarmAgentType.class)) {
      host.registerType(t.name(), t::create);
    }
  }

  private static final class CounterAgent implements SwarmAgent {
    @Override
    public int step(AgentContext context) {
      String d = context.data();
      long n = d.isEmpty() ? 0 : Long.parseLong(d);
      context.data(Long.toString(n + 1));
      return 1;
    }

    @Override
    public String roleName() {
      return COUNTER;
    }
  }
}
