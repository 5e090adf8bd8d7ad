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
 * @param channel the sender's channel (one per sending member's fan-out and priority class)
 * @param seq the bundle's place in the channel, from 0, one after the other
 * @param floor every bundle of the channel below it had finished when this one left: the ones the
 *     grid took are ahead of it in the inbox, the others failed and will never come
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"channel", "seq", "floor"})
public record ChannelMark(String channel, long seq, long floor) {
  /** Checks the fields. */
  public ChannelMark {
    Objects.requireNonNull(channel, "channel");
    if (seq < 0 || floor < 0 || floor > seq) {
      throw new IllegalArgumentException(
          "ChannelMark: seq " + seq + " and floor " + floor + " must be 0 <= floor <= seq");
    }
  }
}
