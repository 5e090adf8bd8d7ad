package io.swarmgrid.plugin.http.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.map.IMap;
import com.hazelcast.map.QueryCache;
import com.hazelcast.map.listener.EventLostListener;
import com.hazelcast.query.Predicates;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The node registry ({@code swarm.nodes}) as this member's HTTP API reads it: a Hazelcast query
 * cache, a member-local copy that the registry's partition owners keep current with entry events,
 * so that a {@code GET /nodes} reads no partition. A copy is a few milliseconds behind the map (one
 * event's delivery). It is built anew when events were lost (Hazelcast's {@code EventLostListener})
 * and after this member merged back from a split (the entries it held were replaced by the merge).
 */
public final class LocalNodes implements AutoCloseable {
  private static final String NAME = "swarmgrid.http.nodes.";

  private final IMap<String, NodeInfo> map;
  private final HazelcastInstance hz;
  private final UUID lifecycle;
  private final AtomicInteger generation = new AtomicInteger();
  private final AtomicBoolean rebuildPending = new AtomicBoolean();
  private volatile QueryCache<String, NodeInfo> cache;
  private volatile boolean closed;

  private LocalNodes(HazelcastInstance hz) {
    this.hz = hz;
    this.map = hz.getMap(SwarmMap.NODES.mapName());
    this.cache = create();
    this.lifecycle =
        hz.getLifecycleService()
            .addLifecycleListener(
                e -> {
                  if (e.getState() == LifecycleState.MERGED) {
                    rebuildLater("merged back into the cluster");
                  }
                });
  }

  /** Builds the copy from the registry and keeps it current while the member runs. */
  public static LocalNodes start(HazelcastInstance hz) {
    return new LocalNodes(hz);
  }

  /** Every registered node, active or gone, by id (as {@code NodeRegistry.all()}). */
  public List<NodeInfo> all() {
    List<NodeInfo> list = new ArrayList<>(cache.values());
    list.sort(Comparator.comparing(NodeInfo::nodeId));
    return list;
  }

  /** The active nodes, by id. */
  public List<NodeInfo> active() {
    return all().stream().filter(NodeInfo::active).toList();
  }

  /** The node, if registered. */
  public Optional<NodeInfo> get(String nodeId) {
    return Optional.ofNullable(cache.get(nodeId));
  }

  /** How many times the copy was built anew (after lost events or a merge). */
  public int rebuilds() {
    return generation.get();
  }

  /** Stops following the registry and drops the copy. */
  @Override
  public synchronized void close() {
    closed = true;
    hz.getLifecycleService().removeLifecycleListener(lifecycle);
    destroy(cache);
  }

  private QueryCache<String, NodeInfo> create() {
    // A new name each time: a query cache of the same name would be the old one, not a new copy.
    QueryCache<String, NodeInfo> c =
        map.getQueryCache(NAME + generation.get(), Predicates.alwaysTrue(), true);
    c.addEntryListener(
        (EventLostListener) e -> rebuildLater("lost an event of partition " + e.getPartitionId()),
        false);
    return c;
  }

  // Off the event thread: building a copy queries every member. Lost events come one per
  // partition, often many at once (a migration): they make one rebuild, not one each.
  private void rebuildLater(String why) {
    if (rebuildPending.compareAndSet(false, true)) {
      SwarmThreads.start(
          "http-nodes-rebuild",
          () -> {
            rebuildPending.set(false);
            rebuild(why);
          });
    }
  }

  private synchronized void rebuild(String why) {
    if (closed || !hz.getLifecycleService().isRunning()) {
      return;
    }
    try {
      QueryCache<String, NodeInfo> old = cache;
      generation.incrementAndGet();
      cache = create();
      destroy(old);
    } catch (RuntimeException e) {
      BackgroundFailures.report("http-nodes", "rebuilding the node list (" + why + ")", e);
    }
  }

  private static void destroy(QueryCache<String, NodeInfo> c) {
    try {
      c.destroy();
    } catch (RuntimeException e) {
      BackgroundFailures.report("http-nodes", "dropping a node list copy", e);
    }
  }
}
