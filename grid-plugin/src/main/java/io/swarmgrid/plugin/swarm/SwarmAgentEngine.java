package io.swarmgrid.plugin.swarm;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.SwarmConfig;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.plugin.swarm.internal.AdoptionPlanner;
import io.swarmgrid.plugin.swarm.internal.AgentTicker;
import io.swarmgrid.plugin.swarm.internal.ColonyTicker;
import io.swarmgrid.plugin.swarm.internal.ParticleSwarmTicker;
import io.swarmgrid.plugin.swarm.internal.SwarmAdoption;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.swarm.TrailLimits;
import io.swarmgrid.tasks.swarm.AgentHost;
import io.swarmgrid.tasks.swarm.BuiltInAgents;
import io.swarmgrid.tasks.swarm.SwarmAgent;
import io.swarmgrid.tasks.swarm.pso.Objective;
import io.swarmgrid.tasks.swarm.pso.Objectives;
import io.swarmgrid.tasks.swarm.pso.SwarmObjectiveType;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Swarm agents next to their data ({@code swarmgrid.engines.swarm: true}). Agents live in {@code
 * swarm.agents} on their data key's partition; each member steps the agents of the partitions it
 * owns once per tick (one entry processor each, batched per partition), fenced by the tick so none
 * is stepped twice when partitions migrate or a member dies. Agent types are registered per member
 * with {@link #registerType}; the built-in ones are in {@link BuiltInAgents}.
 */
public final class SwarmAgentEngine implements SwarmEngine {
  /** Default tick period, millis ({@code swarmgrid.swarm.tick-millis}). */
  public static final long DEFAULT_TICK_MILLIS = SwarmConfig.DEFAULTS.tickMillis();

  private HazelcastInstance hz;
  private AgentHost host;
  private AgentTicker ticker;
  private ColonyTicker colonies;
  private ParticleSwarmTicker particles;
  private TrailLimits limits;
  private Objectives objectives = new Objectives();

  @Override
  public EngineKind kind() {
    return EngineKind.SWARM;
  }

  @Override
  public void start(SwarmNode node) {
    hz = node.hazelcast();
    SwarmConfig config = node.config().swarm();
    host = new AgentHost();
    limits = new TrailLimits(config.pheromoneMaxKeys());
    host.maxAgents(config.maxAgentsPerMember());
    BuiltInAgents.registerAll(host);
    objectives = new Objectives(hz);
    for (SwarmObjectiveType t : ServiceLoader.load(SwarmObjectiveType.class)) {
      objectives.register(t.create(hz));
    }
    ticker = new AgentTicker(hz, host, config.tickMillis());
    colonies =
        new ColonyTicker(hz, host, config.colonyStagnationTicks(), config.colonyGlobalBestEvery());
    colonies.start();
    ticker.addListener(colonies);
    AdoptionPlanner planner = new AdoptionPlanner(hz, objectives);
    SwarmAdoption adoption =
        new SwarmAdoption(
            hz,
            node.nodeId(),
            config.psoStallTicks(),
            Duration.ofSeconds(config.psoDecisionSeconds()),
            planner);
    particles = new ParticleSwarmTicker(hz, host, adoption, config.psoStallSteps(), objectives);
    particles.start();
    ticker.addListener(particles);
    SwarmServices services = SwarmServices.of(hz);
    services.put(AgentHost.class, host);
    services.put(TrailLimits.class, limits);
    services.put(Objectives.class, objectives);
    services.put(SwarmAgentEngine.class, this);
    ticker.start();
  }

  @Override
  public void stop() {
    ticker.stop();
    colonies.stop();
    particles.stop();
    SwarmServices services = SwarmServices.of(hz);
    services.remove(SwarmAgentEngine.class, this);
    services.remove(AgentHost.class, host);
    services.remove(TrailLimits.class, limits);
    services.remove(Objectives.class, objectives);
  }

  /** Registers an agent type on this member (register it on every member that holds agents). */
  public void registerType(String name, Supplier<? extends SwarmAgent> factory) {
    host.registerType(name, factory);
  }

  /**
   * Registers an objective particle swarms may name on this member (register it on every member
   * that holds particles: a member that does not know a swarm's objective does not step its
   * particles). Objectives listed as {@link SwarmObjectiveType} services are registered when the
   * engine starts.
   */
  public void registerObjective(Objective objective) {
    objectives.register(objective);
  }

  /** The objectives particle swarms may name on this member. */
  public Objectives objectives() {
    return objectives;
  }

  /** What this member offers its agents: types, member-local objects, counters. */
  public AgentHost host() {
    return host;
  }

  /** Changes the tick period on this member (set the same on every member). */
  public void tickMillis(long millis) {
    ticker.tickMillis(millis);
  }

  /** The tick period on this member, millis. */
  public long tickMillis() {
    return ticker.tickMillis();
  }

  /** Adds work around each tick on this member. */
  public void addTickListener(TickListener listener) {
    ticker.addListener(listener);
  }

  /** Removes a tick listener. */
  public void removeTickListener(TickListener listener) {
    ticker.removeListener(listener);
  }

  /** This member's counters. */
  public SwarmStats stats() {
    return new SwarmStats(
        ticker.localAgents(), ticker.ticks(), host.steps(), host.failures(), ticker.lastTick());
  }
}
