package io.swarmgrid.client.swarm;

import io.swarmgrid.storage.swarm.AgentState;
import io.swarmgrid.storage.swarm.TrailSpec;
import io.swarmgrid.tasks.swarm.AgentSpec;
import io.swarmgrid.tasks.swarm.pso.SearchSpec;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Swarm agents and pheromone trails from a client. Agents are stepped by members running the swarm
 * engine ({@code swarmgrid.engines.swarm: true}), with their types registered there.
 */
public interface SwarmAgentsClient {
  /**
   * Adds an agent next to its data key.
   *
   * @throws IllegalArgumentException naming the field and value for an unknown type, a taken or
   *     malformed id; nothing is stored
   * @throws IllegalStateException if the member owning the data key does not run the swarm engine
   */
  AgentState add(AgentSpec spec);

  /** Removes an agent (its {@code close} runs first); returns whether it existed. */
  boolean remove(String agentId);

  /** Pauses an agent; returns whether it exists. */
  boolean pause(String agentId);

  /** Resumes a paused or failed agent; returns whether it exists. */
  boolean resume(String agentId);

  /** One agent. */
  Optional<AgentState> agent(String agentId);

  /** Every agent, by id. */
  List<AgentState> agents();

  /** Counts by status and type. */
  AgentSummary summary();

  /**
   * Creates a pheromone trail (quietly if it exists with the same spec).
   *
   * @throws IllegalArgumentException if it exists with another spec
   */
  void createTrail(String trail, TrailSpec spec);

  /**
   * Deposits on a trail at {@code now} (the trail's clock).
   *
   * @throws IllegalArgumentException for an unknown trail, a bad amount, or a deposit over the
   *     trail's key bound; nothing changes
   */
  int deposit(String trail, Map<String, Double> amounts, long now);

  /** Reads many keys of a trail at {@code now}, in one call. */
  Map<String, Double> read(String trail, Collection<String> keys, long now);

  /** The emergent patterns detected in a swarm (e.g. a colony), oldest first. */
  List<io.swarmgrid.storage.swarm.PatternEvent> patterns(String swarm);

  /**
   * Measures what the swarm runtime does over {@code window} (blocks for it): agent steps per
   * second and how steady they are, agents per member, trail sizes, the best of each colony and
   * particle swarm, the patterns detected.
   *
   * @throws IllegalArgumentException if the window is not above 0 and at most 10 minutes
   */
  SwarmActivity activity(java.time.Duration window) throws InterruptedException;

  /**
   * Starts a particle-swarm search of an objective registered on the members (a {@code
   * SwarmObjectiveType} service, or {@code SwarmAgentEngine.registerObjective}), by name, in a box
   * and with a budget of evaluations.
   *
   * @throws IllegalArgumentException naming the field and value: unknown objective, bounds inverted
   *     or outside the objective's domain, budget not above 0, taken id; nothing is stored
   */
  SearchStatus startSearch(SearchSpec spec);

  /** Where a search stands: evaluations spent, best so far, whether it is done. */
  Optional<SearchStatus> search(String swarmId);

  /** Stops a search and removes its particles and record; returns whether it existed. */
  boolean stopSearch(String swarmId);
}
