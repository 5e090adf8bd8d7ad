package io.swarmgrid.tasks.swarm;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.swarm.AgentIds;
import io.swarmgrid.storage.swarm.AgentKey;
import io.swarmgrid.storage.swarm.AgentState;
import io.swarmgrid.tasks.swarm.internal.AddAgentProcessor;
import io.swarmgrid.tasks.swarm.internal.PauseProcessor;
import io.swarmgrid.tasks.swarm.internal.RemoveAgentProcessor;
import io.swarmgrid.tasks.swarm.internal.StepProcessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The calls on {@code swarm.agents}, shared by members and clients: each is one entry processor on
 * the agent's partition.
 */
public final class SwarmAgents {
  private final IMap<AgentKey, AgentState> agents;

  /** Agents of the grid {@code hz} (member or client) belongs to. */
  public SwarmAgents(HazelcastInstance hz) {
    this.agents = hz.getMap(SwarmMap.AGENTS.mapName());
  }

  /**
   * Adds an agent on its data key's partition.
   *
   * @throws IllegalArgumentException naming the field and value if the type is not registered on
   *     the member that owns the partition, or the id is taken or malformed; nothing is stored
   * @throws IllegalStateException if that member does not run the swarm engine
   */
  public AgentState add(AgentSpec spec) {
    String id = AgentIds.of(spec.name(), spec.dataKey());
    AgentState state =
        AgentState.create(
            id,
            spec.type(),
            spec.capabilities(),
            spec.memoryLimit(),
            spec.links(),
            spec.data(),
            System.currentTimeMillis());
    return agents.executeOnKey(new AgentKey(id), new AddAgentProcessor(state));
  }

  /** Removes an agent (its {@code close} runs first); returns whether it existed. */
  public boolean remove(String agentId) {
    return agents.executeOnKey(new AgentKey(agentId), new RemoveAgentProcessor());
  }

  /** Pauses an agent; returns whether it exists. */
  public boolean pause(String agentId) {
    return agents.executeOnKey(new AgentKey(agentId), new PauseProcessor(true));
  }

  /** Resumes a paused or failed agent; returns whether it exists. */
  public boolean resume(String agentId) {
    return agents.executeOnKey(new AgentKey(agentId), new PauseProcessor(false));
  }

  /** One agent, if present. */
  public Optional<AgentState> get(String agentId) {
    return Optional.ofNullable(agents.get(new AgentKey(agentId)));
  }

  /** Every agent, by id. */
  public List<AgentState> list() {
    return agents.values().stream().sorted(Comparator.comparing(AgentState::agentId)).toList();
  }

  /** Number of agents. */
  public int size() {
    return agents.size();
  }

  /**
   * Steps {@code keys} for {@code tick}: one entry processor per agent on its partition (a fresh
   * processor each, whose computed state is what the backup replica receives), all in flight at
   * once. Agents already stepped in that tick are skipped.
   */
  public StepRound step(Set<AgentKey> keys, long tick) {
    List<CompletableFuture<Integer>> calls = new ArrayList<>(keys.size());
    for (AgentKey k : keys) {
      calls.add(agents.submitToKey(k, new StepProcessor(tick)).toCompletableFuture());
    }
    int stepped = 0;
    long work = 0;
    for (CompletableFuture<Integer> c : calls) {
      Integer r;
      try {
        r = c.join();
      } catch (CompletionException | CancellationException e) {
        // The owner left mid-call; the fence lets the next owner step it in a later tick.
        continue;
      }
      if (r != null && r >= 0) {
        stepped++;
        work += r;
      }
    }
    return new StepRound(tick, stepped, keys.size() - stepped, work);
  }

  /** The keys of the agents this member owns (call on a member). */
  public Set<AgentKey> localKeys() {
    return agents.localKeySet();
  }
}
