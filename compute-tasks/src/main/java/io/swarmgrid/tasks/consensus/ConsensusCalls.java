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
import io.swarmgrid.storage.runtime.CallerRuns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Proposing and voting, the same way from a member or a client. */
public final class ConsensusCalls {
  /** Executor that runs {@link ProposeTask} on the owner of the proposal's partition. */
  public static final String EXECUTOR = "swarm.consensus";

  private ConsensusCalls() {}

  /**
   * Makes a proposal on the member that owns its partition: one entry processor on its tally
   * ({@link CreateProposal}), or the executor task that reads the registry ({@link ProposeTask})
   * when that member's electorate view does not know a named node yet.
   *
   * @throws IllegalArgumentException naming the field and the value if the request is refused
   * @throws IllegalStateException if the consensus engine is not running there, or no answer came
   */
  public static Proposal propose(HazelcastInstance hz, ProposalRequest request) {
    if (request.id() != null && !request.id().isBlank() && request.id().length() <= 128) {
      IMap<String, Tally> tallies = hz.getMap(SwarmMap.VOTES.mapName());
      ProposeTask.Accepted accepted =
          tallies.executeOnKey(request.id(), new CreateProposal(request));
      if (accepted != null && accepted.refusal() != null) {
        throw new IllegalArgumentException(accepted.refusal());
      }
      if (accepted != null) {
        return accepted.proposal(request);
      }
    }
    return proposeByTask(hz, request);
  }

  private static Proposal proposeByTask(HazelcastInstance hz, ProposalRequest request) {
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
   * signed vote: applying it twice changes nothing and answers the first delivery's receipt, never
   * equivocation.
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

  /**
   * Makes a proposal without blocking: one entry processor on the proposal's tally entry ({@link
   * CreateProposal}); if the member's electorate view does not know a named node yet, the executor
   * task that reads the registry ({@link ProposeTask}). A refused request fails the stage with an
   * {@link IllegalArgumentException} naming the field and the value; nothing is stored then.
   *
   * @param continuations runs the fallback's call: {@code CallerRuns.EXECUTOR} on a client, a pool
   *     on a member (a member refuses calls from its response threads)
   */
  public static CompletionStage<Proposal> proposeAsync(
      HazelcastInstance hz, ProposalRequest request, Executor continuations) {
    if (request.id() == null || request.id().isBlank() || request.id().length() > 128) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("id: '" + request.id() + "' must be 1..128 characters"));
    }
    IMap<String, Tally> tallies = hz.getMap(SwarmMap.VOTES.mapName());
    return plain(tallies.submitToKey(request.id(), new CreateProposal(request)))
        .thenComposeAsync(
            accepted -> {
              if (accepted == null) {
                return proposeByTaskAsync(hz, request);
              }
              return accepted.refusal() != null
                  ? CompletableFuture.<Proposal>failedFuture(
                      new IllegalArgumentException(accepted.refusal()))
                  : CompletableFuture.completedFuture(accepted.proposal(request));
            },
            continuations);
  }

  /** {@link ProposeTask} without blocking (the fallback runs on a response thread). */
  private static CompletableFuture<Proposal> proposeByTaskAsync(
      HazelcastInstance hz, ProposalRequest request) {
    CompletableFuture<Proposal> f = new CompletableFuture<>();
    hz.getExecutorService(EXECUTOR)
        .submitToKeyOwner(
            new ProposeTask(request),
            request.id(),
            new com.hazelcast.core.ExecutionCallback<ProposeTask.Accepted>() {
              @Override
              public void onResponse(ProposeTask.Accepted accepted) {
                f.complete(accepted.proposal(request));
              }

              @Override
              public void onFailure(Throwable t) {
                f.completeExceptionally(unwrap(t));
              }
            });
    return f;
  }

  /**
   * Casts signed votes without blocking, in one call however many proposals they are for: each
   * proposal's votes are applied together next to its tally ({@link ApplyVotes}), in the order
   * given. The receipts come back in the order of {@code votes}. A call whose effect is unknown is
   * sent again with the same signed votes, like {@link #vote}.
   */
  public static CompletionStage<List<VoteReceipt>> voteAsync(
      HazelcastInstance hz, List<Vote> votes, Executor continuations) {
    for (int i = 0; i < votes.size(); i++) {
      if (votes.get(i) == null || votes.get(i).proposalId() == null) {
        return CompletableFuture.failedFuture(
            new IllegalArgumentException("votes[" + i + "]: missing or without a proposalId"));
      }
    }
    if (votes.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    Set<String> keys = new LinkedHashSet<>();
    votes.forEach(v -> keys.add(v.proposalId()));
    return applyVotes(hz, keys, new ApplyVotes(votes), 1, continuations)
        .thenApply(results -> inOrder(votes, results));
  }

  private static CompletionStage<Map<String, VoteResults>> applyVotes(
      HazelcastInstance hz,
      Set<String> keys,
      ApplyVotes processor,
      int attempt,
      Executor continuations) {
    IMap<String, Tally> tallies = hz.getMap(SwarmMap.VOTES.mapName());
    CompletableFuture<Map<String, VoteResults>> call =
        keys.size() == 1
            ? plain(tallies.submitToKey(keys.iterator().next(), processor))
                .thenApply(r -> Map.of(keys.iterator().next(), r))
            : plain(tallies.submitToKeys(keys, processor));
    return call.exceptionallyComposeAsync(
        e -> {
          Throwable cause = unwrap(e);
          if (attempt >= VOTE_ATTEMPTS || !indeterminate(cause)) {
            return CompletableFuture.failedFuture(cause);
          }
          return applyVotes(hz, keys, processor, attempt + 1, continuations);
        },
        continuations);
  }

  private static List<VoteReceipt> inOrder(List<Vote> votes, Map<String, VoteResults> results) {
    Map<String, Iterator<VoteReceipt>> byProposal = new HashMap<>();
    results.forEach((id, r) -> byProposal.put(id, r.receipts().iterator()));
    List<VoteReceipt> receipts = new ArrayList<>(votes.size());
    for (Vote v : votes) {
      Iterator<VoteReceipt> it = byProposal.get(v.proposalId());
      if (it == null || !it.hasNext()) {
        throw new IllegalStateException(
            "no receipt for the vote of " + v.voter() + " on " + v.proposalId());
      }
      receipts.add(it.next());
    }
    return receipts;
  }

  /**
   * A plain {@link CompletableFuture} completed with {@code stage}'s outcome (its cause unwrapped).
   * Hazelcast's futures do not implement the Java 12 methods ({@code exceptionallyCompose}): called
   * on one, they never complete.
   */
  private static <T> CompletableFuture<T> plain(CompletionStage<T> stage) {
    CompletableFuture<T> f = new CompletableFuture<>();
    stage.whenCompleteAsync(
        (r, e) -> {
          if (e != null) {
            f.completeExceptionally(unwrap(e));
          } else {
            f.complete(r);
          }
        },
        CallerRuns.EXECUTOR);
    return f;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
