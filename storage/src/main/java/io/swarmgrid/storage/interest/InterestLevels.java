package io.swarmgrid.storage.interest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The interest of each node in one piece of state ({@code swarm.interests}). Levels are 0..1; a
 * node with level 0 is not listed. Compact type name {@code swarmgrid.InterestLevels}.
 *
 * @param stateId the state
 * @param levels node id to interest level, in declaration order
 * @param updatedAt epoch millis of the last declaration
 */
public record InterestLevels(String stateId, Map<String, Double> levels, long updatedAt) {

  /** Copies and checks the levels. */
  public InterestLevels {
    Objects.requireNonNull(stateId, "stateId");
    levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    levels.forEach((node, level) -> checkLevel(node, level));
  }

  /** No node interested yet. */
  public static InterestLevels none(String stateId) {
    return new InterestLevels(stateId, Map.of(), 0);
  }

  /** The level of {@code nodeId}, 0 if it declared none. */
  public double level(String nodeId) {
    return levels.getOrDefault(nodeId, 0.0);
  }

  /** These levels with {@code nodeId} at {@code level} (0 removes it). */
  public InterestLevels with(String nodeId, double level, long when) {
    checkLevel(nodeId, level);
    Map<String, Double> next = new LinkedHashMap<>(levels);
    if (level == 0.0) {
      next.remove(nodeId);
    } else {
      next.put(nodeId, level);
    }
    return new InterestLevels(stateId, next, when);
  }

  /** Node ids, in declaration order. */
  public String[] nodeIds() {
    return levels.keySet().toArray(String[]::new);
  }

  /** Levels, in the order of {@link #nodeIds()}. */
  public double[] levelArray() {
    return levels.values().stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Builds from parallel arrays (as Compact stores them). */
  public static InterestLevels of(
      String stateId, String[] nodeIds, double[] levels, long updatedAt) {
    if (nodeIds.length != levels.length) {
      throw new IllegalArgumentException(
          "nodeIds and levels differ in length: " + nodeIds.length + " vs " + levels.length);
    }
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < nodeIds.length; i++) {
      map.put(nodeIds[i], levels[i]);
    }
    return new InterestLevels(stateId, map, updatedAt);
  }

  private static void checkLevel(String nodeId, double level) {
    if (nodeId == null || nodeId.isEmpty()) {
      throw new IllegalArgumentException("nodeId: must not be empty");
    }
    if (!(level >= 0.0 && level <= 1.0)) {
      throw new IllegalArgumentException(
          "level: " + level + " for node " + nodeId + " is outside 0..1");
    }
  }
}
