package io.swarmgrid.client.balance;

import io.swarmgrid.tasks.balance.MemberStats;
import java.util.List;
import java.util.Map;

/**
 * Balancing figures of the whole cluster.
 *
 * @param assignments tasks assigned by all members since they started
 * @param assignmentsPerSecond assignments per second, summed over the members' last windows
 * @param queueDepth tasks queued now
 * @param utilization per node: share of its CPU held by assigned and running tasks
 * @param held per node: tasks assigned or running
 * @param members each member's own figures (including its predictor error)
 */
public record TaskStats(
    long assignments,
    double assignmentsPerSecond,
    int queueDepth,
    Map<String, Double> utilization,
    Map<String, Integer> held,
    List<MemberStats> members) {}
