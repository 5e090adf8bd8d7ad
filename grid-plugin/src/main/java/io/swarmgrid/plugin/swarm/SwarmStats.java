package io.swarmgrid.plugin.swarm;

/**
 * The swarm engine's counters on one member.
 *
 * @param localAgents agents on the partitions this member owns
 * @param ticks ticks this member stepped
 * @param steps agent steps run on this member
 * @param failures agents that failed on this member
 * @param lastTick the last tick stepped
 */
public record SwarmStats(int localAgents, long ticks, long steps, long failures, long lastTick) {}
