package io.swarmgrid.storage.breaker;

/**
 * The state of one circuit breaker on one node ({@code swarm.breakers}), as of its last transition.
 * Compact type name {@code swarmgrid.BreakerState}.
 *
 * @param nodeId the node whose breaker it is
 * @param name the breaker's name (as configured under {@code fault.breakers})
 * @param state {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, or another Resilience4j state name
 * @param since epoch millis of the transition into this state
 * @param failureRatePercent failure rate when it changed, or -1 when not yet judged
 */
public record BreakerState(
    String nodeId, String name, String state, long since, float failureRatePercent) {

  /** The map key: {@code nodeId/name}. */
  public String key() {
    return key(nodeId, name);
  }

  /** The map key of a node's breaker. */
  public static String key(String nodeId, String name) {
    return nodeId + "/" + name;
  }

  /** Whether calls through the breaker are refused now. */
  public boolean open() {
    return "OPEN".equals(state) || "FORCED_OPEN".equals(state);
  }
}
