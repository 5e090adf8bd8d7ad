package io.swarmgrid.plugin.propagation.internal;

import io.swarmgrid.storage.propagation.ChannelMark;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a target's batch (in the scheduler's order: urgent first) into the messages that carry it:
 * consecutive deliveries of one priority class, each message within the inbox's payload limit. A
 * delivery larger than the limit alone goes in a message of its own (the inbox refuses it, as it
 * did before bundles).
 */
final class Bundles {
  private Bundles() {}

  /**
   * As {@link #split}, for bundles sent with a {@link ChannelMark}: each leaves room for its mark
   * within {@code maxBytes}.
   */
  static List<List<Send<Outgoing>>> splitMarked(List<Send<Outgoing>> batch, int maxBytes) {
    return split(batch, maxBytes - ChannelMark.MAX_ENCODED_BYTES);
  }

  static List<List<Send<Outgoing>>> split(List<Send<Outgoing>> batch, int maxBytes) {
    List<List<Send<Outgoing>>> bundles = new ArrayList<>();
    List<Send<Outgoing>> current = new ArrayList<>();
    long bytes = 0;
    for (Send<Outgoing> s : batch) {
      int size = s.candidate().payload().encoded().get(s.quality()).length;
      boolean sameClass =
          current.isEmpty() || current.get(0).candidate().priority() == s.candidate().priority();
      if (!current.isEmpty() && (!sameClass || bytes + size > maxBytes)) {
        bundles.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(s);
      bytes += size;
    }
    if (!current.isEmpty()) {
      bundles.add(current);
    }
    return bundles;
  }
}
