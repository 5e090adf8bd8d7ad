package io.swarmgrid.plugin.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import io.javalin.http.sse.SseClient;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskStore;
import io.swarmgrid.storage.breaker.BreakerStateStore;
import io.swarmgrid.storage.consensus.DecisionStore;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.reputation.ReputationStore;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmThreads;
import io.swarmgrid.tasks.swarm.SwarmAgents;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard's live feed: while a browser is connected, one snapshot of the cluster a second,
 * sent to every open {@code /api/v1/events} stream as a {@code snapshot} event. One snapshot is
 * read per tick however many browsers watch.
 */
public final class DashboardFeed implements AutoCloseable {
  private static final int RECENT = 15;

  private final HazelcastInstance hz;
  private final ObjectMapper json;
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService ticker;

  /** A feed of {@code hz}'s cluster. */
  public DashboardFeed(HazelcastInstance hz, ObjectMapper json) {
    this.hz = hz;
    this.json = json;
    this.ticker = SwarmThreads.scheduler("swarmgrid-http-feed-" + hz.getName());
    ticker.scheduleWithFixedDelay(
        BackgroundFailures.guarded("http.dashboard-feed", this::tick), 0, 1, TimeUnit.SECONDS);
  }

  /** Keeps {@code client}'s stream open and sends it every snapshot until it closes. */
  public void join(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    clients.add(client);
    ticker.execute(BackgroundFailures.guarded("http.dashboard-feed", this::tick));
  }

  /** What the dashboard shows, read now. */
  public Map<String, Object> snapshot() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("at", System.currentTimeMillis());
    s.put("clusterState", hz.getCluster().getClusterState().name());
    s.put("members", GridReads.members(hz));
    s.put("nodes", new NodeRegistry(hz).all());
    s.put("topology", GridReads.topology(hz));
    TaskStore tasks = BalanceApi.store(hz);
    List<Task> all = new ArrayList<>(tasks.map().values());
    Map<String, Integer> byState = new TreeMap<>();
    all.forEach(t -> byState.merge(t.state().name(), 1, Integer::sum));
    all.sort(Comparator.comparingLong(Task::submittedAt).reversed());
    s.put("taskCounts", byState);
    s.put("tasks", all.subList(0, Math.min(RECENT, all.size())));
    s.put("held", tasks.loads());
    s.put(
        "diffusion",
        GridReads.diffusionTasks(hz).stream()
            .limit(RECENT)
            .map(DiffusionApi.TaskView::of)
            .toList());
    s.put("decisions", new DecisionStore(hz).history(null, RECENT));
    s.put("reputations", new ReputationStore(hz).all());
    s.put("breakers", new BreakerStateStore(hz).all());
    s.put("regions", hz.getMap(io.swarmgrid.storage.SwarmMap.REGIONS.mapName()).values());
    s.put("links", hz.getMap(io.swarmgrid.storage.SwarmMap.REPLICATION.mapName()).values());
    s.put("agents", new SwarmAgents(hz).list().stream().limit(50).toList());
    s.putAll(PanelReads.read(hz, RECENT));
    return s;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    clients.forEach(SseClient::close);
    clients.clear();
  }

  private void tick() {
    if (clients.isEmpty() || !hz.getLifecycleService().isRunning()) {
      return;
    }
    String data;
    try {
      data = json.writeValueAsString(snapshot());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the dashboard snapshot", e);
    }
    for (SseClient c : clients) {
      if (c.terminated()) {
        clients.remove(c);
      } else {
        c.sendEvent("snapshot", data);
      }
    }
  }
}
