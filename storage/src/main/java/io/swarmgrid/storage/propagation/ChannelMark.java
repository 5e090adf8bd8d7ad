package io.swarmgrid.storage.propagation;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Where a bundle stands in its sender's ordered channel to one target: a member keeps several
 * bundles in flight per target (they may reach the inbox out of order), so each carries its place
 * and the subscriber applies them in that order. Written first in the bundle, as a CBOR array (a
 * delivery is a CBOR map, so the two cannot be confused).
 *
 * @param channel the sender's channel (one per sending member's fan-out and priority class: {@code
 *     sender/CLASS})
 * @param seq the bundle's place in the channel, from 0, one after the other
 * @param floor every bundle of the channel below it had finished when this one left: the ones the
 *     grid took are ahead of it in the inbox, the others failed and will never come
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"channel", "seq", "floor"})
public record ChannelMark(String channel, long seq, long floor) {
  /** The longest channel name: a fan-out's UUID, a slash and a priority class fit well within. */
  public static final int MAX_CHANNEL_CHARS = 64;

  /**
   * The most bytes a mark takes in a bundle (a CBOR array of a text of up to {@link
   * #MAX_CHANNEL_CHARS} ASCII characters and two longs): a sender leaves that much room in each
   * bundle (a bundle split at the payload limit, then marked, was 24 bytes over it and refused,
   * with its 57 urgent updates, in every bench run).
   */
  public static final int MAX_ENCODED_BYTES = 96;

  /** Checks the fields. */
  public ChannelMark {
    Objects.requireNonNull(channel, "channel");
    if (channel.length() > MAX_CHANNEL_CHARS
        || !channel.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "channel: '"
              + channel
              + "' must be printable ASCII of at most "
              + MAX_CHANNEL_CHARS
              + " characters");
    }
    if (seq < 0 || floor < 0 || floor > seq) {
      throw new IllegalArgumentException(
          "ChannelMark: seq " + seq + " and floor " + floor + " must be 0 <= floor <= seq");
    }
  }
}
