package io.swarmgrid.plugin.propagation.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.interest.InterestLevels;
import io.swarmgrid.storage.interest.InterestStore;
import io.swarmgrid.storage.messaging.Presence;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.propagation.InterestLevel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is interested in a state, read on the member that owns it: the levels declared for the state
 * itself ({@code swarm.interests}, same partition) and for every pattern that matches it (patterns
 * are few; each member keeps a copy, refreshed every sweep), less the nodes that are away: a gone
 * node's interest lapses (it is withdrawn), an unreachable node is skipped until it returns.
 */
public final class InterestIndex {
  private final HazelcastInstance hz;
  private final IMap<String, InterestLevels> interests;
  private final InterestStore store;
  private final NodeRegistry registry;
  private volatile Map<String, InterestLevels> patterns = Map.of();
  private volatile Set<String> lapsed = Set.of();
  // Counts pattern declarations copied here: a refresh whose read began before one keeps the copy.
  private long declaredPatterns;

  /** An index over {@code swarm.interests}. */
  public InterestIndex(HazelcastInstance hz, NodeRegistry registry) {
    this.hz = hz;
    this.interests = hz.getMap(SwarmMap.INTERESTS.mapName());
    this.store = new InterestStore(hz);
    this.registry = registry;
  }

  /** Whether {@code key} holds a {@code *}. */
  public static boolean isPattern(String key) {
    return key.indexOf('*') >= 0;
  }

  /** Whether {@code stateId} matches {@code key} (a state id, or a pattern with {@code *}). */
  public static boolean matches(String key, String stateId) {
    if (!isPattern(key)) {
      return key.equals(stateId);
    }
    StringBuilder regex = new StringBuilder();
    for (String part : key.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return stateId.matches(regex.toString());
  }

  /** Interested nodes of {@code stateId} and their levels (the highest, if several apply). */
  public Map<String, InterestLevel> targets(String stateId) {
    Map<String, InterestLevel> out = new HashMap<>();
    add(out, interests.get(stateId));
    patterns.forEach(
        (pattern, levels) -> {
          if (matches(pattern, stateId)) {
            add(out, levels);
          }
        });
    out.keySet().removeAll(lapsed);
    return out;
  }

  /**
   * Takes a declaration the caller has written to {@code swarm.interests}: a pattern's is copied
   * here at once (the next refresh would take up to a sweep), a state id's is read from the map.
   */
  public void declared(String key, String nodeId, InterestLevel level) {
    if (!isPattern(key)) {
      return;
    }
    synchronized (this) {
      Map<String, InterestLevels> copy = new HashMap<>(patterns);
      copy.put(
          key,
          copy.getOrDefault(key, InterestLevels.none(key))
              .with(nodeId, level.weight(), System.currentTimeMillis()));
      patterns = Map.copyOf(copy);
      declaredPatterns++;
    }
  }

  /** Whether {@code nodeId}'s interest lapsed (it is gone or unreachable). */
  public boolean lapsed(String nodeId) {
    return lapsed.contains(nodeId);
  }

  /**
   * What changed in a refresh.
   *
   * @param away nodes newly gone or unreachable: nothing is sent to them
   * @param back nodes reachable again: they start again from the latest keyframes
   */
  public record Changes(Set<String> away, Set<String> back) {}

  /**
   * Reloads the patterns and the nodes that are away: unreachable ones are skipped until they
   * return; gone ones lose their interests on this member too.
   */
  public Changes refresh() {
    long declaredBefore;
    synchronized (this) {
      declaredBefore = declaredPatterns;
    }
    Map<String, InterestLevels> p = new HashMap<>();
    interests
        .entrySet(Predicates.like("__key", "%*%"))
        .forEach(e -> p.put(e.getKey(), e.getValue()));
    synchronized (this) {
      // A declaration copied while the map was read may be missing from what was read: the copy
      // stays until the next refresh, which reads it (overwritten, the interest was missing for a
      // sweep, and its node missed what was published meanwhile).
      if (declaredPatterns == declaredBefore) {
        patterns = Map.copyOf(p);
      }
    }
    Set<String> gone = new HashSet<>();
    for (NodeInfo n : registry.all()) {
      if (n.status() == NodeStatus.GONE) {
        gone.add(n.nodeId());
      }
    }
    Set<String> now = new HashSet<>(gone);
    hz.getMap(Presence.UNREACHABLE_MAP).keySet().forEach(k -> now.add(k.toString()));
    Set<String> away = new HashSet<>(now);
    away.removeAll(lapsed);
    Set<String> back = new HashSet<>(lapsed);
    back.removeAll(now);
    lapsed = Set.copyOf(now);
    if (!gone.isEmpty()) {
      for (String key : interests.localKeySet()) {
        InterestLevels levels = interests.get(key);
        if (levels == null) {
          continue;
        }
        for (String node : levels.levels().keySet()) {
          if (gone.contains(node)) {
            store.declare(key, node, 0.0);
          }
        }
      }
    }
    return new Changes(away, back);
  }

  private static void add(Map<String, InterestLevel> out, InterestLevels levels) {
    if (levels == null) {
      return;
    }
    levels
        .levels()
        .forEach(
            (node, weight) -> {
              InterestLevel l = InterestLevel.ofWeight(weight);
              if (l != InterestLevel.NONE) {
                out.merge(node, l, (a, b) -> a.compareTo(b) >= 0 ? a : b);
              }
            });
  }
}
