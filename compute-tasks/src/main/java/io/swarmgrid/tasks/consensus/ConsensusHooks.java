package io.swarmgrid.tasks.consensus;

import io.swarmgrid.storage.consensus.VoteStatus;

/**
 * What code running next to the tallies reports back to the member's consensus engine. The engine
 * puts its implementation in the member's user context under {@link #USER_CONTEXT_KEY}; its absence
 * means the engine is not running on that member.
 */
public interface ConsensusHooks {
  /** User-context key of the running engine's hooks. */
  String USER_CONTEXT_KEY = "swarmgrid.consensus.hooks";

  /** A vote was applied with this status. */
  void voteApplied(VoteStatus status);

  /** A proposal was refused; {@code field} names the bad field. */
  void proposalRefused(String field);

  /** A proposal was accepted. */
  void proposalAccepted();
}
