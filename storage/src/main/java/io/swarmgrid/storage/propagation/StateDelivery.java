package io.swarmgrid.storage.propagation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One update as a target receives it, at the quality chosen for that target: the payload of a
 * {@link io.swarmgrid.storage.messaging.MessageType#STATE_SYNC} (keyframe) or {@code DELTA_SYNC}
 * message. The source's signature stays with the member that checked it; targets trust the grid.
 * One message may carry several deliveries for its target, in order ({@link #bundle}): one inbox
 * offer for many updates.
 *
 * <p>Encoded as CBOR by Jackson: the payload travels as raw bytes. JSON wrote it in base64, and the
 * bench's profile showed base64 decoding as the subscribers' largest cost and the bundle's JSON
 * writer as the urgent send threads'.
 *
 * @param stateId the state
 * @param source its authority
 * @param seq the update's position in the stream
 * @param keyframeSeq the keyframe a delta applies to ({@code seq} for a keyframe)
 * @param keyframe whether this is a keyframe
 * @param quality the quality level sent (0 = full)
 * @param publishedAt epoch millis at the source
 * @param payload the update at that quality
 * @param follows the update the stream recorded just before this one, which a target sent every
 *     update waits for if it has not applied it yet (updates of a state can come from two members,
 *     one after the other, when the state's partition moves); 0 when there is none to wait for (a
 *     stream's first keyframe, a head sent again, an update recorded again after a member left)
 */
public record StateDelivery(
    String stateId,
    String source,
    long seq,
    long keyframeSeq,
    boolean keyframe,
    int quality,
    long publishedAt,
    byte[] payload,
    long follows) {
  // Fields added later are skipped by older readers, and missing ones read as 0 by newer ones.
  private static final ObjectMapper CBOR =
      new ObjectMapper(new CBORFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Checks the required fields. */
  public StateDelivery {
    Objects.requireNonNull(stateId, "stateId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(payload, "payload");
    if (follows < 0 || follows >= seq) {
      throw new IllegalArgumentException(
          "follows: " + follows + " for update " + seq + " of " + stateId + " must be 0..seq-1");
    }
  }

  /** {@code u} at quality {@code quality}, waiting for nothing before it. */
  public static StateDelivery of(StateUpdate u, int quality) {
    return of(u, quality, 0);
  }

  /** {@code u} at quality {@code quality}, recorded after update {@code follows} (0: none). */
  public static StateDelivery of(StateUpdate u, int quality, long follows) {
    return new StateDelivery(
        u.stateId(),
        u.source(),
        u.seq(),
        u.keyframeSeq(),
        u.keyframe(),
        quality,
        u.publishedAt(),
        u.qualities().get(quality),
        follows);
  }

  /** The message payload. */
  public byte[] toBytes() {
    try {
      return CBOR.writeValueAsBytes(this);
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
    List<StateDelivery> all = allFromBytes(bytes);
    if (all.size() != 1) {
      throw new IllegalArgumentException(
          "payload: " + all.size() + " state deliveries, expected one");
    }
    return all.get(0);
  }

  /**
   * One message payload carrying the deliveries {@code encoded} (each from {@link #toBytes()}), in
   * order: a CBOR sequence (RFC 8742), their encodings one after the other, so a bundle costs a
   * copy and no encoding.
   */
  public static byte[] bundle(List<byte[]> encoded) {
    if (encoded.size() == 1) {
      return encoded.get(0);
    }
    int size = 0;
    for (byte[] e : encoded) {
      size += e.length;
    }
    byte[] out = new byte[size];
    int at = 0;
    for (byte[] e : encoded) {
      System.arraycopy(e, 0, out, at, e.length);
      at += e.length;
    }
    return out;
  }

  /**
   * As {@link #bundle(List)}, preceded by the bundle's place in its ordered channel ({@link
   * ChannelMark}), read back by {@link #readBundle}.
   */
  public static byte[] bundle(ChannelMark mark, List<byte[]> encoded) {
    byte[] head;
    try {
      head = CBOR.writeValueAsBytes(mark);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<byte[]> all = new ArrayList<>(encoded.size() + 1);
    all.add(head);
    all.addAll(encoded);
    return bundle(all);
  }

  /**
   * Reads a message payload holding one delivery or a {@link #bundle} of them, in order.
   *
   * @throws IllegalArgumentException if it is not state deliveries
   */
  public static List<StateDelivery> allFromBytes(byte[] bytes) {
    return readBundle(bytes).deliveries();
  }

  /**
   * Reads a message payload holding one delivery or a {@link #bundle} of them, in order, with its
   * channel mark if it has one.
   *
   * @throws IllegalArgumentException if it is not state deliveries
   */
  public static DeliveryBundle readBundle(byte[] bytes) {
    // A CBOR sequence: root values one after the other; a mark is an array, a delivery a map.
    try (JsonParser p = CBOR.createParser(bytes)) {
      ChannelMark mark = null;
      List<StateDelivery> all = new ArrayList<>();
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.START_ARRAY && mark == null && all.isEmpty()) {
          mark = CBOR.readValue(p, ChannelMark.class);
        } else {
          all.add(CBOR.readValue(p, StateDelivery.class));
        }
      }
      if (all.isEmpty()) {
        throw new IllegalArgumentException("payload: empty, not a state delivery");
      }
      return new DeliveryBundle(Optional.ofNullable(mark), all);
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException i
          && i.getMessage() != null
          && i.getMessage().startsWith("payload:")) {
        throw i;
      }
      throw new IllegalArgumentException("payload: not a state delivery (" + e.getMessage() + ")");
    }
  }
}
