package io.swarmgrid.storage.propagation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * One update as a target receives it, at the quality chosen for that target: the payload of a
 * {@link io.swarmgrid.storage.messaging.MessageType#STATE_SYNC} (keyframe) or {@code DELTA_SYNC}
 * message. The source's signature stays with the member that checked it; targets trust the grid.
 *
 * @param stateId the state
 * @param source its authority
 * @param seq the update's position in the stream
 * @param keyframeSeq the keyframe a delta applies to ({@code seq} for a keyframe)
 * @param keyframe whether this is a keyframe
 * @param quality the quality level sent (0 = full)
 * @param publishedAt epoch millis at the source
 * @param payload the update at that quality
 */
public record StateDelivery(
    String stateId,
    String source,
    long seq,
    long keyframeSeq,
    boolean keyframe,
    int quality,
    long publishedAt,
    byte[] payload) {
  // Jackson rather than a hand-written layout; the envelope is about 150 bytes plus base64.
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks the required fields. */
  public StateDelivery {
    Objects.requireNonNull(stateId, "stateId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(payload, "payload");
  }

  /** {@code u} at quality {@code quality}. */
  public static StateDelivery of(StateUpdate u, int quality) {
    return new StateDelivery(
        u.stateId(),
        u.source(),
        u.seq(),
        u.keyframeSeq(),
        u.keyframe(),
        quality,
        u.publishedAt(),
        u.qualities().get(quality));
  }

  /** The message payload. */
  public byte[] toBytes() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a message payload.
   *
   * @throws IllegalArgumentException if it is not a state delivery
   */
  public static StateDelivery fromBytes(byte[] bytes) {
    try {
      return JSON.readValue(bytes, StateDelivery.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("payload: not a state delivery (" + e.getMessage() + ")");
    }
  }
}
