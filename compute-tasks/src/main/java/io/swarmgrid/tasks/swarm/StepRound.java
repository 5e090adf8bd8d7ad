package io.swarmgrid.tasks.swarm;

/**
 * What one round of steps did.
 *
 * @param tick the tick stepped
 * @param stepped agents stepped
 * @param skipped agents not stepped (already stepped in this tick, paused, failed, or no engine)
 * @param work the work their steps reported
 */
public record StepRound(long tick, int stepped, int skipped, long work) {}
