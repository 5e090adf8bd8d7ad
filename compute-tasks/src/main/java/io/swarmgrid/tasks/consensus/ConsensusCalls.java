package io.swarmgrid.tasks.consensus;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.exception.RetryableException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.consensus.VoteReceipt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Proposing and voting, the same way from a member or a client. */
public final class ConsensusCalls {
  /** Executor that runs {@link ProposeTask} on the owner of the proposal's partition. */
  public static final String EXECUTOR = "swarm.consensus";

  private ConsensusCalls() {}

  /**
   * Makes a proposal on the member that owns its partition.
   *
   * @throws IllegalArgumentException naming the field and the value if the request is refused
   * @throws IllegalStateException if the consensus engine is not running there, or no answer came
   */
  public static Proposal propose(HazelcastInstance hz, ProposalRequest request) {
    try {
      return hz.getExecutorService(EXECUTOR)
          .submitToKeyOwner(new ProposeTask(request), request.id())
          .get(30, TimeUnit.SECONDS)
          .proposal(request);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException iae) {
        throw new IllegalArgumentException(iae.getMessage(), iae);
      }
      if (cause instanceof IllegalStateException ise) {
        throw new IllegalStateException(ise.getMessage(), ise);
      }
      throw new IllegalStateException("proposal " + request.id() + " failed: " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while proposing " + request.id(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer to proposal " + request.id() + " within 30 s", e);
    }
  }

  /**
   * Casts a signed vote next to its proposal's tally; the receipt says whether it counted and why
   * not. A call that fails in a way that leaves its effect unknown (the member left, the connection
   * dropped, a timeout) is sent again, up to {@value #VOTE_ATTEMPTS} times in all, with the same
   * signed vote: applying it twice is a no-op ({@code DUPLICATE}), never equivocation.
   */
  public static VoteReceipt vote(HazelcastInstance hz, Vote vote) {
    IMap<String, Tally> tallies = hz.getMap(SwarmMap.VOTES.mapName());
    for (int attempt = 1; ; attempt++) {
      try {
        return tallies.executeOnKey(vote.proposalId(), new ApplyVote(vote)).receipt();
      } catch (RuntimeException e) {
        if (attempt >= VOTE_ATTEMPTS || !indeterminate(e)) {
          throw e;
        }
      }
    }
  }

  /** Attempts {@link #vote} makes in all. */
  public static final int VOTE_ATTEMPTS = 3;

  private static boolean indeterminate(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RetryableException
          || t instanceof TargetDisconnectedException
          || t instanceof OperationTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
