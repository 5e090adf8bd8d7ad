package io.swarmgrid.client.internal;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.client.swarm.AgentSummary;
import io.swarmgrid.client.swarm.SwarmActivity;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.swarm.AgentState;
import io.swarmgrid.storage.swarm.ColonyRecord;
import io.swarmgrid.storage.swarm.ParticleSwarmRecord;
import io.swarmgrid.storage.swarm.PatternEffect;
import io.swarmgrid.storage.swarm.PatternEvent;
import io.swarmgrid.storage.swarm.PatternStability;
import io.swarmgrid.storage.swarm.PheromoneTrail;
import io.swarmgrid.tasks.swarm.SwarmAgents;
import io.swarmgrid.tasks.swarm.pattern.DetectorSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Measures {@link SwarmActivity}: the agents' step counts read three times (start, middle, end of
 * the window), then the trails, colonies, particle swarms and patterns as they are at the end.
 */
final class SwarmActivityReader {
  private final HazelcastInstance client;
  private final SwarmAgents agents;
  private final Supplier<AgentSummary> summary;

  SwarmActivityReader(HazelcastInstance client, Supplier<AgentSummary> summary) {
    this.client = client;
    this.agents = new SwarmAgents(client);
    this.summary = summary;
  }

  SwarmActivity read(Duration window) throws InterruptedException {
    if (window.isNegative() || window.isZero() || window.toMinutes() > 10) {
      throw new IllegalArgumentException(
          "window: " + window + " is out of range; allowed: above 0 to 10 minutes");
    }
    long t0 = System.nanoTime();
    long s0 = totalSteps();
    Thread.sleep(window.toMillis() / 2);
    long t1 = System.nanoTime();
    long s1 = totalSteps();
    Thread.sleep(window.toMillis() - window.toMillis() / 2);
    long t2 = System.nanoTime();
    long s2 = totalSteps();
    double first = rate(s1 - s0, t1 - t0);
    double second = rate(s2 - s1, t2 - t1);
    double steadiness =
        Math.max(first, second) <= 0 ? 0 : Math.min(first, second) / Math.max(first, second);

    Map<String, Integer> trailKeys = new TreeMap<>();
    client
        .<String, PheromoneTrail>getMap(SwarmMap.PHEROMONES.mapName())
        .values()
        .forEach(t -> trailKeys.put(t.name(), t.entries().size()));
    Map<String, Long> colonies = new TreeMap<>();
    client
        .<String, ColonyRecord>getMap(SwarmMap.COLONIES.mapName())
        .values()
        .forEach(c -> colonies.put(c.colonyId(), c.bestLength()));
    Map<String, Double> particleSwarms = new TreeMap<>();
    List<String> adopted = new ArrayList<>();
    for (ParticleSwarmRecord r :
        client.<String, ParticleSwarmRecord>getMap(SwarmMap.PARTICLE_SWARMS.mapName()).values()) {
      particleSwarms.put(r.swarmId(), r.bestValue());
      if (r.adopted()) {
        adopted.add(r.swarmId());
      }
    }
    Map<String, Integer> byKind = new TreeMap<>();
    int harmful = 0;
    Collection<PatternEvent> events =
        client.<String, PatternEvent>getMap(SwarmMap.PATTERNS.mapName()).values();
    for (PatternEvent e : events) {
      byKind.merge(e.kind().name(), 1, Integer::sum);
      harmful += e.effect() == PatternEffect.HARMFUL ? 1 : 0;
    }
    return new SwarmActivity(
        summary.get(),
        rate(s2 - s0, t2 - t0),
        steadiness,
        trailKeys,
        colonies,
        particleSwarms,
        adopted.stream().sorted().toList(),
        byKind,
        harmful,
        PatternStability.bySwarm(events, DetectorSettings.defaults().window()),
        window);
  }

  private long totalSteps() {
    return agents.list().stream().mapToLong(AgentState::steps).sum();
  }

  private static double rate(long steps, long nanos) {
    return nanos <= 0 ? 0 : steps * 1e9 / nanos;
  }
}
