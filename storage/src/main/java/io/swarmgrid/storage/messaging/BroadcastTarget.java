package io.swarmgrid.storage.messaging;

import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.node.NodeInfo;
import java.util.Objects;
import java.util.function.Predicate;

/** Which active nodes of the registry a broadcast reaches: all, one region, or one tier. */
public final class BroadcastTarget {
  private final String description;
  private final Predicate<NodeInfo> filter;

  private BroadcastTarget(String description, Predicate<NodeInfo> filter) {
    this.description = description;
    this.filter = filter;
  }

  /** Every active node. */
  public static BroadcastTarget all() {
    return new BroadcastTarget("all", n -> true);
  }

  /** The active nodes of {@code region}. */
  public static BroadcastTarget region(String region) {
    Objects.requireNonNull(region, "region");
    return new BroadcastTarget("region " + region, n -> n.region().equals(region));
  }

  /** The active nodes of {@code tier}. */
  public static BroadcastTarget tier(NodeTier tier) {
    Objects.requireNonNull(tier, "tier");
    return new BroadcastTarget("tier " + tier, n -> n.tier() == tier);
  }

  /** Whether {@code node} is in the target (activity is checked by the sender). */
  public boolean includes(NodeInfo node) {
    return filter.test(node);
  }

  @Override
  public String toString() {
    return description;
  }
}
