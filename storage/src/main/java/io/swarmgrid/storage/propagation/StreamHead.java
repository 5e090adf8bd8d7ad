package io.swarmgrid.storage.propagation;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a state stream stands ({@code swarm.streams}, on the state's partition): its authority, the
 * latest keyframe and the latest delta after it. A late joiner starts from these two, never from a
 * delta it cannot apply. Compact type name {@code swarmgrid.StreamHead}.
 *
 * @param stateId the state
 * @param source the state's authority: the node whose first update created the stream
 * @param keyframe the latest keyframe
 * @param delta the latest delta on that keyframe, or null if none came after it
 */
public record StreamHead(String stateId, String source, StateUpdate keyframe, StateUpdate delta) {

  /** Checks that the updates belong to this stream and the delta to the keyframe. */
  public StreamHead {
    Objects.requireNonNull(stateId, "stateId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(keyframe, "keyframe");
    if (delta != null && delta.keyframeSeq() != keyframe.seq()) {
      throw new IllegalArgumentException(
          "delta: " + delta + " does not apply to keyframe " + keyframe.seq());
    }
  }

  /** The latest sequence number of the stream. */
  public long seq() {
    return delta == null ? keyframe.seq() : delta.seq();
  }

  /** The latest update (the delta if any, else the keyframe). */
  public StateUpdate latest() {
    return delta == null ? keyframe : delta;
  }

  /** The latest delta, if one came after the keyframe. */
  public Optional<StateUpdate> latestDelta() {
    return Optional.ofNullable(delta);
  }

  /** This head after {@code u} (already checked to be the next update of the stream). */
  public StreamHead after(StateUpdate u) {
    return u.keyframe()
        ? new StreamHead(stateId, source, u, null)
        : new StreamHead(stateId, source, keyframe, u);
  }

  /** The head of a stream that starts with keyframe {@code u}. */
  public static StreamHead start(StateUpdate u) {
    return new StreamHead(u.stateId(), u.source(), u, null);
  }
}
