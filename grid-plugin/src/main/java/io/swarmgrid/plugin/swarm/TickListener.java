package io.swarmgrid.plugin.swarm;

import io.swarmgrid.tasks.swarm.StepRound;

/**
 * Member-side work around each tick, on the engine's thread (not a partition thread, so it may call
 * the grid): prepare what agents read before their steps, apply what they left after.
 */
public interface TickListener {
  /** Before the member steps its agents for {@code tick}. */
  default void beforeTick(Tick tick) {}

  /** After the member stepped its agents for {@code tick}. */
  default void afterTick(Tick tick, StepRound round) {}
}
