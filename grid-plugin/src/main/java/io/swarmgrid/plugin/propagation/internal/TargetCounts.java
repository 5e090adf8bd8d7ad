package io.swarmgrid.plugin.propagation.internal;

/**
 * A target's counters in a scheduler.
 *
 * @param offered updates offered
 * @param sent deliveries decided
 * @param bytes their bytes
 * @param dropped waiting deltas replaced by a later update
 * @param degraded deliveries below the target's quality
 * @param budget bytes per second, 0 for unlimited
 */
public record TargetCounts(
    long offered, long sent, long bytes, long dropped, long degraded, long budget) {}
