package io.swarmgrid.plugin.diffusion.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.map.IMap;
import io.swarmgrid.config.DiffusionConfig;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.tasks.diffusion.Injector;
import io.swarmgrid.tasks.diffusion.Ping;
import io.swarmgrid.tasks.diffusion.TopologyNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the neighbours of this member's nodes: measures the round trip to every other member (an
 * empty call through the grid's executor), keeps each node's live neighbours, and when a node has
 * fewer than the minimum, fills it up to the maximum with the nearest nodes plus random long links.
 * Nodes of members that left are dropped from {@code swarm.diffusion.topology}.
 */
public final class TopologyKeeper {
  private static final Logger LOG = LoggerFactory.getLogger(TopologyKeeper.class);

  private final HazelcastInstance hz;
  private final DiffusionConfig config;
  private final String memberNodeId;
  private final List<String> localNodes;
  private final IMap<String, TopologyNode> topology;
  private final Map<String, Long> rttMicros = new ConcurrentHashMap<>();
  private final Random random;
  private volatile Map<String, TopologyNode> view = Map.of();
  private Set<String> knownHosts = Set.of();
  private volatile Map<String, List<String>> keptBy = Map.of();

  /** A keeper of {@code localNodes}, hosted by this member. */
  public TopologyKeeper(
      HazelcastInstance hz, DiffusionConfig config, String memberNodeId, List<String> localNodes) {
    this.hz = hz;
    this.config = config;
    this.memberNodeId = memberNodeId;
    this.localNodes = List.copyOf(localNodes);
    this.topology = hz.getMap(SwarmMap.DIFFUSION_TOPOLOGY.mapName());
    this.random = new Random(memberNodeId.hashCode());
  }

  /** Read each time: a member that merges back after a partition has a new UUID. */
  private String memberUuid() {
    return hz.getCluster().getLocalMember().getUuid().toString();
  }

  /** This member's nodes. */
  public List<String> localNodes() {
    return localNodes;
  }

  /** The last topology read, by node id (live members only). */
  public Map<String, TopologyNode> view() {
    return view;
  }

  /** UUIDs of the members in the cluster now. */
  public Set<String> liveHosts() {
    Set<String> live = new HashSet<>();
    for (Member m : hz.getCluster().getMembers()) {
      live.add(m.getUuid().toString());
    }
    return live;
  }

  /** Removes the nodes of a member that left, and its inbox (hops to its nodes have no reader). */
  public void memberLeft(String uuid) {
    Set<String> inboxes = new HashSet<>();
    for (TopologyNode n : new ArrayList<>(topology.values())) {
      if (n.hostUuid().equals(uuid)) {
        topology.delete(n.nodeId());
        inboxes.add(n.hostNodeId());
      }
    }
    inboxes.forEach(host -> hz.getQueue(io.swarmgrid.tasks.diffusion.Hop.inbox(host)).destroy());
  }

  /** Measures latencies and repairs this member's nodes' neighbours. */
  public synchronized void refresh() {
    String memberUuid = memberUuid();
    Set<String> live = liveHosts();
    measure();
    Map<String, TopologyNode> all = new HashMap<>();
    for (Map.Entry<String, TopologyNode> e : topology.entrySet()) {
      if (live.contains(e.getValue().hostUuid())) {
        all.put(e.getKey(), e.getValue());
      } else if (!e.getValue().hostUuid().equals(memberUuid)) {
        topology.delete(e.getKey());
      }
    }
    long now = System.currentTimeMillis();
    // Nodes of a member that joined have no links to them yet: every node draws its long links
    // again,
    // so that some of them lead to the newcomer.
    Set<String> hosts = new HashSet<>();
    all.values().forEach(n -> hosts.add(n.hostUuid()));
    boolean redraw = !knownHosts.containsAll(hosts);
    knownHosts = hosts;
    Map<String, TopologyNode> changed = new HashMap<>();
    for (String id : localNodes) {
      TopologyNode current = all.get(id);
      List<TopologyNode.Link> kept = new ArrayList<>();
      if (current != null) {
        for (TopologyNode.Link l : current.neighbours()) {
          TopologyNode n = all.get(l.nodeId());
          if (n != null && !(redraw && l.longLink())) {
            kept.add(new TopologyNode.Link(l.nodeId(), latency(n), l.longLink()));
          }
        }
      }
      long longLinks = kept.stream().filter(TopologyNode.Link::longLink).count();
      if (kept.size() < config.neighboursMin() || longLinks < config.longLinks()) {
        fill(id, kept, all);
      }
      TopologyNode next =
          new TopologyNode(
              id,
              memberNodeId,
              memberUuid,
              kept,
              current != null && sameIds(current.neighbours(), kept) ? current.updatedAt() : now);
      if (current == null || !sameIds(current.neighbours(), kept)) {
        changed.put(id, next);
      }
      all.put(id, next);
    }
    if (!changed.isEmpty()) {
      topology.putAll(changed);
      LOG.debug("topology: {} of this member's nodes changed neighbours", changed.size());
    }
    view = Map.copyOf(all);
    Map<String, List<String>> reverse = new HashMap<>();
    for (TopologyNode n : all.values()) {
      for (TopologyNode.Link l : n.neighbours()) {
        reverse.computeIfAbsent(l.nodeId(), k -> new ArrayList<>()).add(n.nodeId());
      }
    }
    keptBy = reverse;
  }

  /**
   * The nodes a task at {@code nodeId} is passed to: the neighbours it keeps and the nodes that
   * keep it as a neighbour. Spreading treats links as undirected, so a node that no other node
   * chose is still reached through the neighbours it chose.
   */
  public Set<String> spreadTargets(String nodeId) {
    Set<String> targets = new java.util.LinkedHashSet<>();
    TopologyNode n = view.get(nodeId);
    if (n != null) {
      n.neighbours().forEach(l -> targets.add(l.nodeId()));
    }
    targets.addAll(keptBy.getOrDefault(nodeId, List.of()));
    targets.remove(nodeId);
    return targets;
  }

  private void fill(String id, List<TopologyNode.Link> kept, Map<String, TopologyNode> all) {
    Set<String> have = new HashSet<>();
    kept.forEach(l -> have.add(l.nodeId()));
    List<TopologyNode> candidates = new ArrayList<>();
    for (TopologyNode n : all.values()) {
      if (!n.nodeId().equals(id) && !have.contains(n.nodeId())) {
        candidates.add(n);
      }
    }
    int near = config.neighboursMax() - config.longLinks();
    candidates.sort(
        Comparator.comparingLong(this::latency).thenComparingInt(n -> mix(id, n.nodeId())));
    List<TopologyNode> rest = new ArrayList<>();
    long nearKept = kept.stream().filter(l -> !l.longLink()).count();
    for (TopologyNode n : candidates) {
      if (nearKept < near) {
        nearKept++;
        kept.add(new TopologyNode.Link(n.nodeId(), latency(n), false));
      } else {
        rest.add(n);
      }
    }
    // Long links: random, preferring nodes on other members (the far ones).
    String memberUuid = memberUuid();
    List<TopologyNode> far =
        new ArrayList<>(rest.stream().filter(n -> !n.hostUuid().equals(memberUuid)).toList());
    List<TopologyNode> close =
        new ArrayList<>(rest.stream().filter(n -> n.hostUuid().equals(memberUuid)).toList());
    java.util.Collections.shuffle(far, random);
    java.util.Collections.shuffle(close, random);
    far.addAll(close);
    for (TopologyNode n : far) {
      if (kept.size() >= config.neighboursMax()) {
        break;
      }
      kept.add(new TopologyNode.Link(n.nodeId(), latency(n), true));
    }
  }

  private long latency(TopologyNode n) {
    if (n.hostUuid().equals(memberUuid())) {
      return 0;
    }
    return rttMicros.getOrDefault(n.hostUuid(), Long.MAX_VALUE / 4);
  }

  private void measure() {
    IExecutorService exec = hz.getExecutorService(Injector.EXECUTOR);
    for (Member m : hz.getCluster().getMembers()) {
      if (m.localMember()) {
        continue;
      }
      long start = System.nanoTime();
      try {
        exec.submitToMember(new Ping(), m).get(2, TimeUnit.SECONDS);
        long micros = Math.max(1, (System.nanoTime() - start) / 1_000);
        // Smoothed, so one slow call does not rewire the topology.
        rttMicros.merge(m.getUuid().toString(), micros, (old, now) -> (old * 3 + now) / 4);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        rttMicros.put(m.getUuid().toString(), Long.MAX_VALUE / 8);
      }
    }
  }

  private static boolean sameIds(List<TopologyNode.Link> a, List<TopologyNode.Link> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).nodeId().equals(b.get(i).nodeId())) {
        return false;
      }
    }
    return true;
  }

  private static int mix(String a, String b) {
    int h = a.hashCode() * 31 + b.hashCode();
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }
}
