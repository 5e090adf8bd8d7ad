package io.swarmgrid.plugin.balance;

/**
 * Where a task goes.
 *
 * @param node the chosen node
 * @param predictedMillis the strategy's predicted completion time there, ms, or 0
 */
public record Placement(NodeView node, double predictedMillis) {}
