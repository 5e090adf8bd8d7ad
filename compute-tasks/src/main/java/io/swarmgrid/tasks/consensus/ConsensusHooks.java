package io.swarmgrid.tasks.consensus;

import io.swarmgrid.storage.consensus.VoteStatus;

/**
 * What code running next to the tallies reports back to the member's consensus engine. The engine
 * registers its implementation in the member's {@link io.swarmgrid.storage.runtime.SwarmServices};
 * its absence means the engine is not running on that member.
 */
public interface ConsensusHooks {

  /** A vote was applied with this status. */
  void voteApplied(VoteStatus status);

  /** A proposal was refused; {@code field} names the bad field. */
  void proposalRefused(String field);

  /** A proposal was accepted. */
  void proposalAccepted();
}
