package io.swarmgrid.plugin.cp;

import io.swarmgrid.storage.consensus.CommitShard.Committed;
import io.swarmgrid.storage.consensus.Decision;
import java.util.List;
import java.util.Map;

/**
 * The one place SwarmGrid uses the CP Subsystem (Raft) for its own state: a log that commits each
 * proposal's decision exactly once. Whoever commits first for a proposal wins; every later commit
 * for it, from any member, gets the winner back. Its state is bounded: it remembers a fixed number
 * of recent decisions. Behind this interface so that a Raft library can stand in for Hazelcast's CP
 * Subsystem on members where CP is not available (DESIGN.md).
 */
public interface CpCommitLog {
  /**
   * Commits a batch. Returns, for every proposal of the batch that the log can still vouch for, the
   * fingerprint of the decision that is committed for it (the batch's own, or one committed
   * earlier). A proposal missing from the result is older than anything the log remembers: its
   * decision can no longer be committed.
   */
  Map<String, Committed> commit(List<Decision> batch);
}
