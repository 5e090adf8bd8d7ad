package io.swarmgrid.client.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.client.region.LinkStatus;
import io.swarmgrid.client.region.RegionsClient;
import io.swarmgrid.config.BalanceConfig;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.balance.TaskStore;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.region.RegionHealth;
import io.swarmgrid.storage.region.ReplicationStatus;
import io.swarmgrid.tasks.region.GeoRouter;
import io.swarmgrid.tasks.region.RouteChoice;
import io.swarmgrid.tasks.region.RouteRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link RegionsClient} over {@code swarm.replication}. */
final class HazelcastRegionsClient implements RegionsClient {
  private final IMap<String, ReplicationStatus> status;
  private final IMap<String, RegionHealth> health;
  private final NodeRegistry registry;
  private final TaskStore tasks;

  HazelcastRegionsClient(HazelcastInstance client) {
    this.status = client.getMap(SwarmMap.REPLICATION.mapName());
    this.health = client.getMap(SwarmMap.REGIONS.mapName());
    this.registry = new NodeRegistry(client);
    BalanceConfig d = BalanceConfig.DEFAULTS;
    this.tasks = new TaskStore(client, d.maxTasks(), d.finishedTtlSeconds());
  }

  @Override
  public List<RegionHealth> health() {
    return health.values().stream().sorted(Comparator.comparing(RegionHealth::region)).toList();
  }

  @Override
  public RouteChoice route(RouteRequest request) {
    return GeoRouter.choose(request, health(), registry.active(), tasks.loads());
  }

  @Override
  public List<LinkStatus> replication() {
    Map<String, List<ReplicationStatus>> byLink = new TreeMap<>();
    for (ReplicationStatus s : status.values()) {
      byLink.computeIfAbsent(s.map() + "\u0000" + s.target(), k -> new ArrayList<>()).add(s);
    }
    List<LinkStatus> out = new ArrayList<>();
    for (List<ReplicationStatus> parts : byLink.values()) {
      out.add(sum(parts));
    }
    return out;
  }

  @Override
  public Optional<LinkStatus> replication(String map, String target) {
    return replication().stream()
        .filter(l -> l.map().equals(map) && l.target().equals(target))
        .findFirst();
  }

  private static LinkStatus sum(List<ReplicationStatus> parts) {
    parts.sort(Comparator.comparing(ReplicationStatus::member));
    ReplicationStatus first = parts.get(0);
    long shipped = 0,
        applied = 0,
        rejected = 0,
        backlog = 0,
        lag = 0,
        p99 = 0,
        resyncs = 0,
        errorAt = 0,
        lost = 0;
    double ops = 0;
    String error = "";
    List<String> members = new ArrayList<>();
    for (ReplicationStatus s : parts) {
      shipped += s.shipped();
      applied += s.applied();
      rejected += s.rejected();
      backlog += s.backlog();
      lag = Math.max(lag, s.lagMillis());
      p99 = Math.max(p99, s.lagP99Millis());
      ops += s.opsPerSecond();
      resyncs += s.resyncs();
      lost += s.lostEvents();
      if (s.lastErrorAt() > errorAt) {
        errorAt = s.lastErrorAt();
        error = s.lastError();
      }
      // A member's writers after the first publish as <member>-N: the link lists members.
      String member = s.member().split("-", 2)[0];
      if (!members.contains(member)) {
        members.add(member);
      }
    }
    return new LinkStatus(
        first.map(),
        first.source(),
        first.target(),
        state(parts),
        shipped,
        applied,
        rejected,
        backlog,
        lag,
        p99,
        ops,
        error,
        errorAt,
        resyncs,
        List.copyOf(members),
        lost);
  }

  private static String state(List<ReplicationStatus> parts) {
    for (String s : List.of("retrying", "running", "starting")) {
      if (parts.stream().anyMatch(p -> p.state().equals(s))) {
        return s;
      }
    }
    return parts.get(0).state();
  }
}
