package io.swarmgrid.plugin.consensus.internal;

import io.swarmgrid.storage.consensus.CommitShard.Committed;
import io.swarmgrid.storage.consensus.Decision;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The one place SwarmGrid uses the CP Subsystem (Raft) for its own state: a log that commits each
 * proposal's decision exactly once. Whoever commits first for a proposal wins; every later commit
 * for it, from any member, gets the winner back. Its state is bounded: it remembers a fixed number
 * of recent decisions (see {@link io.swarmgrid.storage.consensus.CommitShard} for what that window
 * guards). Behind this interface so that a Raft library can stand in for Hazelcast's CP Subsystem
 * on members where CP is not available (Hazelcast 5.5+ Community: docs/DECISIONS.md).
 */
public interface CpCommitLog {
  /**
   * Commits a batch. Returns, for every proposal of the batch, the fingerprint of the decision that
   * is committed for it (the batch's own, or one committed earlier).
   *
   * @throws TimeoutException if the CP Subsystem did not answer in time (no majority, or still
   *     forming); nothing is known about the batch then, and committing it again is safe
   */
  Map<String, Committed> commit(List<Decision> batch) throws TimeoutException;

  /**
   * The number of shards the log is spread over: the same on every member (the first member to
   * commit records its configured count in CP; the others use that one).
   *
   * @throws TimeoutException if the CP Subsystem did not answer in time
   */
  int shards() throws TimeoutException;
}
