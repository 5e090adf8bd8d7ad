package io.swarmgrid.plugin.swarm.internal;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import io.swarmgrid.plugin.swarm.Tick;
import io.swarmgrid.plugin.swarm.TickListener;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.BoundedTeardown;
import io.swarmgrid.storage.swarm.ParticleSwarmRecord;
import io.swarmgrid.storage.swarm.ParticleSwarmUpdates;
import io.swarmgrid.tasks.swarm.AgentHost;
import io.swarmgrid.tasks.swarm.StepRound;
import io.swarmgrid.tasks.swarm.pso.BoxedObjective;
import io.swarmgrid.tasks.swarm.pso.Objective;
import io.swarmgrid.tasks.swarm.pso.Objectives;
import io.swarmgrid.tasks.swarm.pso.ParticleSwarms;
import io.swarmgrid.tasks.swarm.pso.ParticleView;
import io.swarmgrid.tasks.swarm.pso.PositionsOfTick;
import io.swarmgrid.tasks.swarm.pso.PsoParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The member's side of the particle swarms (time is the tick's index in its period): before a tick
 * it reads each swarm's record once and leaves a {@link ParticleView} with the global best for its
 * particles (none once the budget is spent or the best adopted); after the tick it adds their
 * evaluations to the swarm and offers their best, then lets {@link SwarmAdoption} propose, vote and
 * settle the collective decision to adopt the best.
 */
public final class ParticleSwarmTicker implements TickListener {
  private final AgentHost host;
  private final IMap<String, ParticleSwarmRecord> swarms;
  private final SwarmAdoption adoption;
  private final int stallSteps;
  private final Objectives objectives;
  private final Set<String> known = ConcurrentHashMap.newKeySet();
  private final Map<String, ParticleView> views = new ConcurrentHashMap<>();
  private final Map<String, ParticleSwarmRecord> records = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Double>> scores = new ConcurrentHashMap<>();
  private UUID listener;

  /**
   * The particle swarms of {@code hz}, with views put in {@code host}; a particle counts as stalled
   * after {@code stallSteps} steps without a better personal best; objectives are looked up in
   * {@code objectives}.
   */
  public ParticleSwarmTicker(
      HazelcastInstance hz,
      AgentHost host,
      SwarmAdoption adoption,
      int stallSteps,
      Objectives objectives) {
    this.objectives = objectives;
    this.host = host;
    this.swarms = hz.getMap(SwarmMap.PARTICLE_SWARMS.mapName());
    this.adoption = adoption;
    this.stallSteps = stallSteps;
  }

  /** Follows swarms being started and stopped. */
  public void start() {
    listener = swarms.addEntryListener(new Follow(), false);
    known.addAll(swarms.keySet());
  }

  /** Stops following (waiting a bounded time: the member may be stopping beside others). */
  public void stop() {
    UUID l = listener;
    BoundedTeardown.run("swarmgrid-swarms-stop", () -> swarms.removeEntryListener(l));
  }

  @Override
  public void beforeTick(Tick t) {
    views.keySet().forEach(id -> host.removeLocal(ParticleSwarms.viewName(id)));
    views.clear();
    records.clear();
    if (known.isEmpty()) {
      return;
    }
    for (ParticleSwarmRecord r : swarms.getAll(Set.copyOf(known)).values()) {
      records.put(r.swarmId(), r);
      Objective objective =
          objectives
              .find(r.objective())
              .map(o -> r.bounded() ? new BoxedObjective(o, r.lower(), r.upper()) : o)
              .orElse(null);
      // A member that does not know the objective leaves its particles of that swarm unstepped.
      if (r.adopted() || r.exhausted() || objective == null) {
        continue;
      }
      ParticleView view =
          new ParticleView(
              r.swarmId(),
              t.at(),
              objective,
              PsoParams.defaults(),
              r.bestPosition(),
              stallSteps,
              scores.getOrDefault(r.swarmId(), Map.of()),
              new PositionsOfTick());
      views.put(r.swarmId(), view);
      host.putLocal(ParticleSwarms.viewName(r.swarmId()), view);
    }
  }

  @Override
  public void afterTick(Tick t, StepRound round) {
    long tick = t.index();
    scores.keySet().retainAll(views.keySet());
    for (ParticleSwarmRecord before : records.values()) {
      String id = before.swarmId();
      ParticleView view = views.get(id);
      PositionsOfTick report = view == null ? new PositionsOfTick() : view.report();
      ParticleSwarmRecord now = view == null ? before : evaluate(view, tick);
      if (now != null) {
        adoption.afterTick(now, tick, report);
      }
    }
  }

  // Evaluates the positions the tick's particles handed over, in one batch off the partition
  // threads, keeps the scores for their next step and offers the best to the swarm.
  private ParticleSwarmRecord evaluate(ParticleView view, long tick) {
    String id = view.swarmId();
    List<double[]> pending = view.report().pending();
    if (pending.isEmpty()) {
      return records.get(id);
    }
    double[] values;
    try {
      values = view.objective().values(pending);
    } catch (RuntimeException e) {
      // The particles hand their positions over again next tick.
      BackgroundFailures.report("swarm " + id + ": evaluation of " + pending.size() + " points", e);
      scores.remove(id);
      return records.get(id);
    }
    Map<String, Double> next = new HashMap<>();
    int best = 0;
    for (int i = 0; i < values.length; i++) {
      next.put(PositionsOfTick.key(pending.get(i)), values[i]);
      if (values[i] < values[best]) {
        best = i;
      }
    }
    scores.put(id, next);
    return swarms.executeOnKey(
        id, ParticleSwarmUpdates.offer(pending.get(best), values[best], values.length, tick));
  }

  private final class Follow
      implements EntryAddedListener<String, ParticleSwarmRecord>,
          EntryRemovedListener<String, ParticleSwarmRecord>,
          EntryEvictedListener<String, ParticleSwarmRecord> {
    @Override
    public void entryAdded(EntryEvent<String, ParticleSwarmRecord> event) {
      known.add(event.getKey());
    }

    @Override
    public void entryRemoved(EntryEvent<String, ParticleSwarmRecord> event) {
      known.remove(event.getKey());
    }

    @Override
    public void entryEvicted(EntryEvent<String, ParticleSwarmRecord> event) {
      known.remove(event.getKey());
    }
  }
}
