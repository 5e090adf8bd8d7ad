package io.swarmgrid.client.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.client.swarm.AgentSummary;
import io.swarmgrid.client.swarm.SearchStatus;
import io.swarmgrid.client.swarm.SwarmAgentsClient;
import io.swarmgrid.storage.swarm.AgentKey;
import io.swarmgrid.storage.swarm.AgentState;
import io.swarmgrid.storage.swarm.PheromoneMap;
import io.swarmgrid.storage.swarm.TrailSpec;
import io.swarmgrid.tasks.swarm.AgentSpec;
import io.swarmgrid.tasks.swarm.SwarmAgents;
import io.swarmgrid.tasks.swarm.pso.ParticleSwarms;
import io.swarmgrid.tasks.swarm.pso.SearchSpec;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link SwarmAgentsClient} over a Hazelcast client. */
final class HazelcastSwarmAgentsClient implements SwarmAgentsClient {
  private final HazelcastInstance client;
  private final SwarmAgents agents;
  private final PheromoneMap trails;
  private final io.swarmgrid.storage.swarm.PatternLog patterns;
  private final SwarmActivityReader activity;
  private final ParticleSwarms searches;

  HazelcastSwarmAgentsClient(HazelcastInstance client) {
    this.client = client;
    this.agents = new SwarmAgents(client);
    this.trails = new PheromoneMap(client);
    this.patterns = new io.swarmgrid.storage.swarm.PatternLog(client);
    this.activity = new SwarmActivityReader(client, this::summary);
    this.searches = new ParticleSwarms(client);
  }

  @Override
  public SearchStatus startSearch(SearchSpec spec) {
    return SearchStatus.of(searches.search(spec));
  }

  @Override
  public Optional<SearchStatus> search(String swarmId) {
    return searches.get(swarmId).map(SearchStatus::of);
  }

  @Override
  public boolean stopSearch(String swarmId) {
    if (searches.get(swarmId).isEmpty()) {
      return false;
    }
    searches.stop(swarmId);
    return true;
  }

  @Override
  public AgentState add(AgentSpec spec) {
    return agents.add(spec);
  }

  @Override
  public boolean remove(String agentId) {
    return agents.remove(agentId);
  }

  @Override
  public boolean pause(String agentId) {
    return agents.pause(agentId);
  }

  @Override
  public boolean resume(String agentId) {
    return agents.resume(agentId);
  }

  @Override
  public Optional<AgentState> agent(String agentId) {
    return agents.get(agentId);
  }

  @Override
  public List<AgentState> agents() {
    return agents.list();
  }

  @Override
  public AgentSummary summary() {
    Map<String, Integer> byStatus = new TreeMap<>();
    Map<String, Integer> byType = new TreeMap<>();
    Map<String, Integer> byMember = new TreeMap<>();
    long steps = 0;
    List<AgentState> all = agents.list();
    for (AgentState a : all) {
      byStatus.merge(a.status().name(), 1, Integer::sum);
      byType.merge(a.type(), 1, Integer::sum);
      Member owner =
          client.getPartitionService().getPartition(new AgentKey(a.agentId())).getOwner();
      if (owner != null) {
        byMember.merge(
            owner.getAddress().getHost() + ":" + owner.getAddress().getPort(), 1, Integer::sum);
      }
      steps += a.steps();
    }
    return new AgentSummary(all.size(), byStatus, byType, byMember, steps);
  }

  @Override
  public void createTrail(String trail, TrailSpec spec) {
    trails.create(trail, spec);
  }

  @Override
  public int deposit(String trail, Map<String, Double> amounts, long now) {
    return trails.deposit(trail, amounts, now);
  }

  @Override
  public Map<String, Double> read(String trail, Collection<String> keys, long now) {
    return trails.read(trail, keys, now);
  }

  @Override
  public List<io.swarmgrid.storage.swarm.PatternEvent> patterns(String swarm) {
    return patterns.of(swarm);
  }

  @Override
  public io.swarmgrid.client.swarm.SwarmActivity activity(java.time.Duration window)
      throws InterruptedException {
    return activity.read(window);
  }
}
