package io.swarmgrid.plugin.http.internal;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.runtime.MapCopy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The node registry ({@code swarm.nodes}) as this member's HTTP API reads it: a member-local {@link
 * MapCopy} kept current by entry events, so that a {@code GET /nodes} reads no partition. It is one
 * event's delivery behind the map, and read whole every few seconds and after a split-brain merge.
 */
public final class LocalNodes implements AutoCloseable {
  // A missed event is rare (a member joining or migrating); this bounds how long it shows.
  private static final Duration RELOAD_EVERY = Duration.ofSeconds(5);

  private final MapCopy<String, NodeInfo> copy;

  private LocalNodes(MapCopy<String, NodeInfo> copy) {
    this.copy = copy;
  }

  /** Loads the registry and keeps it current while the member runs. */
  public static LocalNodes start(HazelcastInstance hz) {
    return new LocalNodes(MapCopy.follow(hz, SwarmMap.NODES.mapName(), RELOAD_EVERY, "http-nodes"));
  }

  /** Every registered node, active or gone, by id (as {@code NodeRegistry.all()}). */
  public List<NodeInfo> all() {
    List<NodeInfo> list = new ArrayList<>(copy.values());
    list.sort(Comparator.comparing(NodeInfo::nodeId));
    return list;
  }

  /** The active nodes, by id. */
  public List<NodeInfo> active() {
    return all().stream().filter(NodeInfo::active).toList();
  }

  /** The node, if registered. */
  public Optional<NodeInfo> get(String nodeId) {
    return Optional.ofNullable(copy.get(nodeId));
  }

  /** Stops following the registry and drops the copy. */
  @Override
  public void close() {
    copy.close();
  }
}
