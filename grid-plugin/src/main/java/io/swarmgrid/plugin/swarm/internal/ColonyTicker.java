package io.swarmgrid.plugin.swarm.internal;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.partition.Partition;
import io.swarmgrid.plugin.swarm.Tick;
import io.swarmgrid.plugin.swarm.TickListener;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.runtime.BoundedTeardown;
import io.swarmgrid.storage.swarm.ColonyRecord;
import io.swarmgrid.storage.swarm.ColonyUpdates;
import io.swarmgrid.storage.swarm.PatternEffect;
import io.swarmgrid.storage.swarm.PatternEvent;
import io.swarmgrid.storage.swarm.PatternKind;
import io.swarmgrid.storage.swarm.PatternLog;
import io.swarmgrid.storage.swarm.PheromoneMap;
import io.swarmgrid.storage.swarm.PheromoneTrail;
import io.swarmgrid.tasks.swarm.AgentHost;
import io.swarmgrid.tasks.swarm.StepRound;
import io.swarmgrid.tasks.swarm.aco.BestOfTick;
import io.swarmgrid.tasks.swarm.aco.ColonyTrails;
import io.swarmgrid.tasks.swarm.aco.ColonyView;
import io.swarmgrid.tasks.swarm.pattern.DetectorSettings;
import io.swarmgrid.tasks.swarm.pattern.PatternDetector;
import io.swarmgrid.tasks.swarm.pattern.PopulationSample;
import io.swarmgrid.tasks.swarm.tsp.TourSpace;
import io.swarmgrid.tasks.swarm.tsp.Tsplib;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The member's side of the ant colonies (colony time is the tick's index in its period, so
 * evaporation and stagnation count iterations; keep one period on every member): before a tick it
 * reads each colony's record and trail once and leaves a {@link ColonyView} for its ants; after the
 * tick it offers its ants' best tour to the colony and deposits it on the trail. The member that
 * owns a colony's record also deposits the colony's best every few ticks and re-initialises the
 * trail when the colony stagnates.
 */
public final class ColonyTicker implements TickListener {
  private final HazelcastInstance hz;
  private final AgentHost host;
  private final IMap<String, ColonyRecord> colonies;
  private final PheromoneMap trails;
  private final PatternLog patterns;
  private final Set<String> known = ConcurrentHashMap.newKeySet();
  private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();
  private final Map<String, ColonyView> views = new ConcurrentHashMap<>();
  private final Map<String, ColonyRecord> records = new ConcurrentHashMap<>();
  private final Map<String, PatternDetector> detectors = new ConcurrentHashMap<>();
  private final int stagnationTicks;
  private final int globalBestEvery;
  private UUID listener;

  private record Prepared(String problem, TourSpace space) {}

  /**
   * The colonies of {@code hz}, with views put in {@code host}; colonies that leave them to the
   * member reset after {@code stagnationTicks} and deposit their best every {@code globalBestEvery}
   * ticks.
   */
  public ColonyTicker(
      HazelcastInstance hz, AgentHost host, int stagnationTicks, int globalBestEvery) {
    this.stagnationTicks = stagnationTicks;
    this.globalBestEvery = globalBestEvery;
    this.hz = hz;
    this.host = host;
    this.colonies = hz.getMap(SwarmMap.COLONIES.mapName());
    this.trails = new PheromoneMap(hz);
    this.patterns = new PatternLog(hz);
  }

  /** Follows colonies being started and stopped. */
  public void start() {
    listener = colonies.addEntryListener(new Follow(), false);
    known.addAll(colonies.keySet());
  }

  /** Stops following (waiting a bounded time: the member may be stopping beside others). */
  public void stop() {
    UUID l = listener;
    BoundedTeardown.run("swarmgrid-colonies-stop", () -> colonies.removeEntryListener(l));
  }

  @Override
  public void beforeTick(Tick t) {
    long tick = t.index();
    views.keySet().forEach(id -> host.removeLocal(ColonyTrails.viewName(id)));
    views.clear();
    records.clear();
    if (known.isEmpty()) {
      return;
    }
    for (ColonyRecord stored : colonies.getAll(Set.copyOf(known)).values()) {
      ColonyRecord c = stored.withDefaults(stagnationTicks, globalBestEvery);
      Prepared p = prepare(c);
      String trail = ColonyTrails.trailName(c.colonyId());
      if (ownsRecord(c.colonyId())
          && colonies.executeOnKey(
              c.colonyId(), ColonyUpdates.resetIfStagnant(tick, stagnationTicks))) {
        double tauMax = ColonyTrails.tauMax(c.params(), c.bestLength());
        trails.fill(trail, ColonyTrails.allKeys(p.space().size()), tauMax, tick);
        if (c.resets() >= 0) {
          patterns.record(stagnation(c, tick, tauMax));
        }
      }
      PheromoneTrail snapshot = trails.snapshot(trail).orElse(null);
      double[][] choice =
          ColonyTrails.read(snapshot, p.space(), c.params(), c.bestLength(), tick)
              .choice(p.space());
      ColonyView view = new ColonyView(c.colonyId(), t.at(), p.space(), choice, new BestOfTick());
      records.put(c.colonyId(), c);
      views.put(c.colonyId(), view);
      host.putLocal(ColonyTrails.viewName(c.colonyId()), view);
    }
  }

  @Override
  public void afterTick(Tick t, StepRound round) {
    long tick = t.index();
    for (ColonyView view : views.values()) {
      String id = view.colonyId();
      String trail = ColonyTrails.trailName(id);
      view.best()
          .best()
          .ifPresent(
              best -> {
                colonies.executeOnKey(
                    id, ColonyUpdates.offerTour(best.tour(), best.length(), tick));
                trails.deposit(trail, ColonyTrails.deposit(best.tour(), best.length()), tick);
              });
      ColonyRecord c = records.get(id);
      observe(id, tick, c, view.best().lengths());
      if (c != null
          && c.bestTour().length > 0
          && tick % c.params().globalBestEvery() == 0
          && ownsRecord(id)) {
        trails.deposit(trail, ColonyTrails.deposit(c.bestTour(), c.bestLength()), tick);
      }
    }
  }

  // This member's ants' tour lengths of the tick are the population sample of its detector.
  private void observe(String colonyId, long tick, ColonyRecord c, List<Long> lengths) {
    if (c == null || lengths.isEmpty()) {
      return;
    }
    List<double[]> states = lengths.stream().map(l -> new double[] {l}).toList();
    PopulationSample sample = new PopulationSample(tick, c.bestLength(), states);
    PatternDetector detector =
        detectors.computeIfAbsent(
            colonyId, id -> new PatternDetector(id, DetectorSettings.defaults()));
    detector.observe(sample).forEach(patterns::record);
  }

  // The first fill of a new colony is not a response to anything; later ones answer stagnation.
  private static PatternEvent stagnation(ColonyRecord c, long tick, double tauMax) {
    String evidence =
        String.format(
            Locale.ROOT,
            "best_length=%d unchanged_iterations=%d since_iteration=%d resets_before=%d",
            c.bestLength(),
            tick - c.lastImprovementTick(),
            c.lastImprovementTick(),
            c.resets());
    return PatternEvent.of(
            c.colonyId(), PatternKind.STAGNATION, PatternEffect.HARMFUL, tick, evidence)
        .withResponse(String.format(Locale.ROOT, "trail re-initialised to tau_max=%.6g", tauMax));
  }

  private Prepared prepare(ColonyRecord c) {
    Prepared p = prepared.get(c.colonyId());
    if (p == null || !p.problem().equals(c.problem())) {
      TourSpace space =
          new TourSpace(
              Tsplib.parseInstance(c.colonyId(), Arrays.asList(c.problem().split("\\R"))),
              ColonyTrails.acoParams(c.params()));
      p = new Prepared(c.problem(), space);
      prepared.put(c.colonyId(), p);
    }
    return p;
  }

  private boolean ownsRecord(String colonyId) {
    Partition partition = hz.getPartitionService().getPartition(colonyId);
    return partition.getOwner() != null && partition.getOwner().localMember();
  }

  private final class Follow
      implements EntryAddedListener<String, ColonyRecord>,
          EntryRemovedListener<String, ColonyRecord>,
          EntryEvictedListener<String, ColonyRecord> {
    @Override
    public void entryAdded(EntryEvent<String, ColonyRecord> event) {
      known.add(event.getKey());
    }

    @Override
    public void entryRemoved(EntryEvent<String, ColonyRecord> event) {
      forget(event.getKey());
    }

    @Override
    public void entryEvicted(EntryEvent<String, ColonyRecord> event) {
      forget(event.getKey());
    }

    private void forget(String colonyId) {
      known.remove(colonyId);
      prepared.remove(colonyId);
      detectors.remove(colonyId);
    }
  }
}
