package io.swarmgrid.plugin.consensus.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.CPMember;
import java.util.Collection;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says loudly, but not on every retry, that decisions are not being committed: an ERROR when a
 * streak of failed commits starts and every {@link #REPEAT_MILLIS} while it lasts (with the CP
 * members this member sees), an INFO when commits go through again. Before, a CP group without a
 * majority left thousands of proposals decided and unpublished with a single WARN.
 */
final class CommitFailures {
  static final long REPEAT_MILLIS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(DecisionCommitter.class);

  private final HazelcastInstance hz;
  private long streak;
  private long lastLogged;

  CommitFailures(HazelcastInstance hz) {
    this.hz = hz;
  }

  /** Called by the committer's workers. */
  synchronized void failed(int batchSize, Exception e) {
    streak++;
    long now = System.currentTimeMillis();
    if (streak == 1 || now - lastLogged >= REPEAT_MILLIS) {
      lastLogged = now;
      String cause =
          e instanceof TimeoutException
              ? "the CP Subsystem did not answer within " + DecisionCommitter.CP_TIMEOUT
              : e.toString();
      LOG.error(
          "decisions are not being committed ({} failed batches in a row, {} decisions in the last): {}; CP members: {}",
          streak,
          batchSize,
          cause,
          cpMembers());
    }
  }

  /** Called by the committer's workers. */
  synchronized void succeeded() {
    if (streak > 0) {
      LOG.info("decisions are committed again after {} failed batches", streak);
      streak = 0;
    }
  }

  private String cpMembers() {
    try {
      Collection<CPMember> members =
          hz.getCPSubsystem()
              .getCPSubsystemManagementService()
              .getCPMembers()
              .toCompletableFuture()
              .getNow(null);
      return members == null
          ? "not known yet"
          : members.stream().map(m -> m.getAddress().toString()).toList().toString();
    } catch (RuntimeException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
