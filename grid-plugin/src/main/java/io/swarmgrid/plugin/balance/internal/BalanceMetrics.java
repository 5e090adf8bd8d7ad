package io.swarmgrid.plugin.balance.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.swarmgrid.plugin.balance.NodeView;
import io.swarmgrid.plugin.balance.ResourceAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counts of one member's balancing and its meters {@code swarmgrid.balance.*}: assignments,
 * re-queued and rebalanced tasks, assignments per second, and per node (tag {@code node}, one row
 * per node of the fleet, refreshed every sweep) CPU utilization and held tasks.
 */
public final class BalanceMetrics {
  private final AtomicLong assignments = new AtomicLong();
  private final AtomicLong rebalanced = new AtomicLong();
  private final AtomicLong requeued = new AtomicLong();
  private volatile double rate;
  private long rateCount;
  private long rateAt = System.nanoTime();
  private final MultiGauge utilizationGauge;
  private final MultiGauge heldGauge;

  /** Registers the meters in {@code meters}. */
  public BalanceMetrics(MeterRegistry meters) {
    FunctionCounter.builder("swarmgrid.balance.assignments", assignments, AtomicLong::get)
        .register(meters);
    FunctionCounter.builder("swarmgrid.balance.requeued", requeued, AtomicLong::get)
        .register(meters);
    FunctionCounter.builder("swarmgrid.balance.rebalanced", rebalanced, AtomicLong::get)
        .register(meters);
    Gauge.builder("swarmgrid.balance.assignments.rate", this, m -> m.rate).register(meters);
    utilizationGauge =
        MultiGauge.builder("swarmgrid.balance.node.utilization")
            .description("share of the node's CPU held by assigned and running tasks")
            .register(meters);
    heldGauge =
        MultiGauge.builder("swarmgrid.balance.node.held")
            .description("tasks assigned to or running on the node")
            .register(meters);
  }

  void assigned() {
    assignments.incrementAndGet();
  }

  void rebalanced() {
    rebalanced.incrementAndGet();
  }

  void requeued() {
    requeued.incrementAndGet();
  }

  /** Assignments made by this member. */
  public long assignments() {
    return assignments.get();
  }

  /** Assignments per second over the last second or more. */
  public double rate() {
    return rate;
  }

  /** Queued tasks this member moved to a less loaded node. */
  public long rebalancedCount() {
    return rebalanced.get();
  }

  /** Tasks of lost nodes this member put back in the queue. */
  public long requeuedCount() {
    return requeued.get();
  }

  /** Updates the rate (once a second at most) and the per-node rows from {@code allocator}. */
  void publish(ResourceAllocator allocator) {
    long nowNanos = System.nanoTime();
    long count = assignments.get();
    if (nowNanos - rateAt >= 1_000_000_000L) {
      rate = (count - rateCount) * 1e9 / (nowNanos - rateAt);
      rateCount = count;
      rateAt = nowNanos;
    }
    List<MultiGauge.Row<?>> util = new ArrayList<>();
    List<MultiGauge.Row<?>> held = new ArrayList<>();
    for (NodeView v : allocator.pools()) {
      Tags tags = Tags.of("node", v.nodeId());
      util.add(MultiGauge.Row.of(tags, v.cpuUtilization()));
      held.add(MultiGauge.Row.of(tags, v.held()));
    }
    utilizationGauge.register(util, true);
    heldGauge.register(held, true);
  }
}
