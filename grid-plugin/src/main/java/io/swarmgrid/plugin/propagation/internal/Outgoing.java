package io.swarmgrid.plugin.propagation.internal;

import io.swarmgrid.storage.propagation.StateDelivery;
import io.swarmgrid.storage.propagation.StateUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * An update ready to fan out: its delivery encoded once per quality level, shared by every target.
 *
 * @param update the checked update
 * @param encoded the message payload at each quality level, full first
 */
public record Outgoing(StateUpdate update, List<byte[]> encoded) {

  /** Encodes {@code update} at each of its quality levels. */
  public static Outgoing of(StateUpdate update) {
    List<byte[]> encoded = new ArrayList<>(update.qualities().size());
    for (int q = 0; q < update.qualities().size(); q++) {
      encoded.add(StateDelivery.of(update, q).toBytes());
    }
    return new Outgoing(update, List.copyOf(encoded));
  }

  /**
   * Bytes on the wire at each quality level, counted against budgets: the encoded delivery and 2
   * for its share of a bundle's brackets and commas (a bundle of n is its deliveries and n + 1
   * bytes), so bundles never carry more than the budget counted.
   */
  public List<Integer> sizes() {
    return encoded.stream().map(b -> b.length + BUNDLE_SHARE).toList();
  }

  private static final int BUNDLE_SHARE = 2;
}
