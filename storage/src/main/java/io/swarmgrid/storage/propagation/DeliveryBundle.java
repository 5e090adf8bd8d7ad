package io.swarmgrid.storage.propagation;

import java.util.List;
import java.util.Optional;

/**
 * What one message payload carries: deliveries in order, and, if it travelled on an ordered channel
 * with other bundles in flight, its place there.
 *
 * @param mark its place in its channel, empty for a bundle sent alone
 * @param deliveries the deliveries, in order
 */
public record DeliveryBundle(Optional<ChannelMark> mark, List<StateDelivery> deliveries) {
  /** Copies the list. */
  public DeliveryBundle {
    deliveries = List.copyOf(deliveries);
  }
}
