package io.swarmgrid.plugin.swarm;

/**
 * One tick of the swarm engine.
 *
 * @param at the cluster time the tick starts at, millis, a multiple of {@code millis}: what agents
 *     are fenced with, increasing even when the period changes
 * @param millis the tick period in force
 */
public record Tick(long at, long millis) {
  /** The tick's number in its period ({@code at / millis}): an iteration count for colonies. */
  public long index() {
    return at / millis;
  }
}
