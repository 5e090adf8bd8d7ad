package io.swarmgrid.storage.propagation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One update as a target receives it, at the quality chosen for that target: the payload of a
 * {@link io.swarmgrid.storage.messaging.MessageType#STATE_SYNC} (keyframe) or {@code DELTA_SYNC}
 * message. The source's signature stays with the member that checked it; targets trust the grid.
 * One message may carry several deliveries for its target, in order ({@link #bundle}): one inbox
 * offer for many updates.
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

  /**
   * One message payload carrying the deliveries {@code encoded} (each from {@link #toBytes()}), in
   * order: a JSON array of them, written by Jackson around the already encoded values.
   */
  public static byte[] bundle(List<byte[]> encoded) {
    if (encoded.size() == 1) {
      return encoded.get(0);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator out = JSON.getFactory().createGenerator(bytes)) {
      out.writeStartArray();
      for (byte[] e : encoded) {
        out.writeRawValue(new String(e, StandardCharsets.UTF_8));
      }
      out.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads a message payload holding one delivery or a {@link #bundle} of them, in order.
   *
   * @throws IllegalArgumentException if it is not state deliveries
   */
  public static List<StateDelivery> allFromBytes(byte[] bytes) {
    // Jackson's MappingIterator reads a root array element by element, or a single value.
    try (MappingIterator<StateDelivery> it =
        JSON.readerFor(StateDelivery.class).readValues(bytes)) {
      List<StateDelivery> all = new ArrayList<>();
      while (it.hasNextValue()) {
        all.add(it.nextValue());
      }
      if (all.isEmpty()) {
        throw new IllegalArgumentException("payload: empty, not a state delivery");
      }
      return all;
    } catch (IOException e) {
      throw new IllegalArgumentException("payload: not a state delivery (" + e.getMessage() + ")");
    }
  }
}
