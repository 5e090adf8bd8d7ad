package io.swarmgrid.storage.messaging;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.config.MessagingConfig;
import java.util.Objects;

/**
 * Whether a messaging node is reachable, as seen by the grid.
 *
 * <p>Every subscribed {@link Messenger} heart-beats every {@code messaging.ping-interval-millis}:
 * it writes its own clock into the map {@code swarm.presence} (node id &rarr; beat). Each member's
 * {@link PresenceMonitor} reads the beats at the same interval; a node whose beat has not changed
 * for {@code messaging.unreachable-after-missed-pings} reads is put into {@code
 * swarm.presence.unreachable} and taken out again at its next beat. Its inbox is kept meanwhile
 * (bounded by {@code messaging.max-queued-per-recipient}). Both maps' entries live {@link
 * #ttlMillis} after their last write, so a node gone for good is forgotten.
 *
 * @param nodeId the node
 * @param state reachable, unreachable, or unknown (never beat, or forgotten)
 * @param lastBeatMillis the node's own clock at its last beat, or 0 if unknown
 */
public record Presence(String nodeId, State state, long lastBeatMillis) {
  /** Name of the map of beats. */
  public static final String BEATS_MAP = "swarm.presence";

  /** Name of the map of nodes marked unreachable (node id &rarr; when marked, monitor's clock). */
  public static final String UNREACHABLE_MAP = "swarm.presence.unreachable";

  /** A node's presence state. */
  public enum State {
    /** It beats. */
    REACHABLE,
    /** It missed {@code messaging.unreachable-after-missed-pings} beats. */
    UNREACHABLE,
    /** It never beat, or it was gone so long that it was forgotten. */
    UNKNOWN
  }

  /** Checks the fields. */
  public Presence {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(state, "state");
  }

  /** Whether the node is reachable. */
  public boolean reachable() {
    return state == State.REACHABLE;
  }

  /** How long beats and marks are remembered: 100 missed-ping periods, at least one hour. */
  public static long ttlMillis(MessagingConfig config) {
    return Math.max(
        3_600_000L, 100L * config.pingIntervalMillis() * config.unreachableAfterMissedPings());
  }

  /** The presence of {@code nodeId} as recorded in the grid of {@code hz}. */
  public static Presence of(HazelcastInstance hz, String nodeId) {
    Objects.requireNonNull(nodeId, "nodeId");
    Long beat = beats(hz).get(nodeId);
    if (unreachable(hz).containsKey(nodeId)) {
      return new Presence(nodeId, State.UNREACHABLE, beat == null ? 0 : beat);
    }
    return beat == null
        ? new Presence(nodeId, State.UNKNOWN, 0)
        : new Presence(nodeId, State.REACHABLE, beat);
  }

  static IMap<String, Long> beats(HazelcastInstance hz) {
    return hz.getMap(BEATS_MAP);
  }

  static IMap<String, Long> unreachable(HazelcastInstance hz) {
    return hz.getMap(UNREACHABLE_MAP);
  }
}
