package io.swarmgrid.plugin.propagation.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.propagation.StateUpdate;
import io.swarmgrid.storage.propagation.StreamHead;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an update against its stream and records it as the stream's head, on the member that owns
 * the state's partition: only the stream's authority (the source of its first keyframe) may
 * publish, signed with its registered key, each update after the last, each payload within the
 * limit. Nothing is recorded for an update that fails a check.
 */
public final class StreamRecorder {
  private static final int LOCKS = 64;

  private final IMap<String, StreamHead> heads;
  private final NodeRegistry registry;
  private final int maxPayloadBytes;
  private final Object[] locks = new Object[LOCKS];

  /** What recording an update did. */
  public enum Outcome {
    /** The update is the stream's new head. */
    RECORDED,
    /** The same update was recorded before (a publish sent again after a member change). */
    REPEATED
  }

  /** A recorder over {@code swarm.streams}. */
  public StreamRecorder(HazelcastInstance hz, NodeRegistry registry, int maxPayloadBytes) {
    this.heads = hz.getMap(SwarmMap.STREAMS.mapName());
    this.registry = registry;
    this.maxPayloadBytes = maxPayloadBytes;
    for (int i = 0; i < LOCKS; i++) {
      locks[i] = new Object();
    }
  }

  /**
   * Checks and records {@code u}.
   *
   * @throws IllegalArgumentException naming the field and value that fail; nothing is recorded
   */
  public Outcome record(StateUpdate u) {
    for (int i = 0; i < u.qualities().size(); i++) {
      int size = u.qualities().get(i).length;
      if (size > maxPayloadBytes) {
        throw new IllegalArgumentException(
            "qualities["
                + i
                + "]: "
                + size
                + " bytes for "
                + u
                + " is over propagation.max-payload-bytes="
                + maxPayloadBytes);
      }
    }
    NodeInfo source =
        registry
            .get(u.source())
            .filter(n -> n.status() == NodeStatus.ACTIVE)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "source: '" + u.source() + "' is not an active registered node"));
    if (!u.verify(source.publicKey())) {
      throw new IllegalArgumentException(
          "signature: not node " + u.source() + "'s signature of " + u + "; nothing sent");
    }
    synchronized (locks[Math.floorMod(u.stateId().hashCode(), LOCKS)]) {
      StreamHead head = heads.get(u.stateId());
      if (head == null) {
        if (!u.keyframe()) {
          throw new IllegalArgumentException(
              "keyframe: false for the first update of state " + u.stateId() + "; start with one");
        }
        heads.set(u.stateId(), StreamHead.start(u));
        return Outcome.RECORDED;
      }
      if (!head.source().equals(u.source())) {
        throw new IllegalArgumentException(
            "source: node "
                + u.source()
                + " is not the authority of state "
                + u.stateId()
                + " (node "
                + head.source()
                + " is); nothing sent");
      }
      if (u.seq() == head.seq()
          && java.util.Arrays.equals(u.signature(), head.latest().signature())) {
        return Outcome.REPEATED;
      }
      if (u.seq() <= head.seq()) {
        throw new IllegalArgumentException(
            "seq: " + u.seq() + " for state " + u.stateId() + " is not after " + head.seq());
      }
      if (!u.keyframe() && u.keyframeSeq() != head.keyframe().seq()) {
        throw new IllegalArgumentException(
            "keyframeSeq: "
                + u.keyframeSeq()
                + " for "
                + u
                + " is not the stream's keyframe "
                + head.keyframe().seq());
      }
      heads.set(u.stateId(), head.after(u));
      return Outcome.RECORDED;
    }
  }

  /** The head of {@code stateId}'s stream, if it has one. */
  public Optional<StreamHead> head(String stateId) {
    return Optional.ofNullable(heads.get(stateId));
  }

  /** The states whose heads this member owns. */
  public Set<String> localStates() {
    return heads.localKeySet();
  }
}
