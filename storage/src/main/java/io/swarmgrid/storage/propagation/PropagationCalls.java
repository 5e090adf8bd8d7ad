package io.swarmgrid.storage.propagation;

import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.RetryableException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.swarmgrid.storage.interest.InterestStore;
import io.swarmgrid.storage.propagation.internal.BudgetCall;
import io.swarmgrid.storage.propagation.internal.DeclareCall;
import io.swarmgrid.storage.propagation.internal.PublishAnswer;
import io.swarmgrid.storage.propagation.internal.PublishBatchCall;
import io.swarmgrid.storage.propagation.internal.PublishCall;
import io.swarmgrid.storage.propagation.internal.StatsAnswer;
import io.swarmgrid.storage.propagation.internal.StatsCall;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Calls on the members' propagation engines, from a client or a member: publish next to a state's
 * interests, declare interest, set budgets, read counters.
 */
public final class PropagationCalls {
  /** Executor that runs the calls on members. */
  public static final String EXECUTOR = "swarm.propagation";

  /**
   * Executor that runs the publish calls on the states' owners: a lane of their own, so that an
   * update (urgent for its critical targets) never waits in the owner's executor queue behind
   * declares, budgets or stats calls (issue 17). Default executor config, like {@link #EXECUTOR}.
   */
  public static final String PUBLISH_EXECUTOR = "swarm.propagation.publish";

  private static final long TIMEOUT_SECONDS = 30;

  /**
   * Publish calls are sent again when their member left (after 50 ms: the partition has a new owner
   * once the member is removed) or refused them because it is shutting down and handing its states
   * over (after 250 ms: its partitions move once it has finished; 40 attempts cover 10 s).
   */
  private static final Retry PUBLISH_RETRY =
      Retry.of(
          "propagation-publish",
          RetryConfig.custom()
              .maxAttempts(40)
              .intervalBiFunction(
                  (Integer attempt, Either<Throwable, Object> outcome) ->
                      outcome.isLeft() && handingOver(outcome.getLeft()) ? 250L : 50L)
              .retryOnException(e -> memberGone(e) || handingOver(e))
              .build());

  // Runs no call, only the pause before one is sent again.
  private static final ScheduledExecutorService RETRIES =
      SwarmThreads.scheduler("swarmgrid-propagation-retry");

  private PropagationCalls() {}

  /**
   * Publishes {@code update} on the owner of its state's partition; completes with the number of
   * nodes it was scheduled for. A call to a member that left is sent again to the new owner (the
   * engine takes the same update twice as one).
   *
   * @return completes exceptionally with the engine's {@link IllegalArgumentException} if the
   *     update is refused
   */
  public static CompletableFuture<Integer> publish(HazelcastInstance hz, StateUpdate update) {
    return retried(() -> submitToOwner(hz, new PublishCall(update), update.stateId()));
  }

  /**
   * Publishes a source's {@code updates} of one state, in order, in one call to the owner of the
   * state's partition; completes with one outcome per update. A call to a member that left is sent
   * again to the new owner, marked as resent (updates it already recorded count as repeats); so is
   * a call refused by a member that is handing its states over as it shuts down.
   */
  public static CompletableFuture<List<PublishOutcome>> publishAll(
      HazelcastInstance hz, List<StateUpdate> updates) {
    return publishAll(hz, updates, null);
  }

  /**
   * As {@link #publishAll(HazelcastInstance, List)}, the batch signed once by its source: {@code
   * batchSignature} is its signature of {@link StateUpdate#batchSigningBytes}, checked instead of
   * each update's (see {@link StatePublisher#send}).
   */
  public static CompletableFuture<List<PublishOutcome>> publishAll(
      HazelcastInstance hz, List<StateUpdate> updates, byte[] batchSignature) {
    return publishAll(hz, updates, batchSignature, 0);
  }

  /**
   * As {@link #publishAll(HazelcastInstance, List, byte[])}, one of several calls of a state under
   * way at once: {@code after} is the last seq of the call this one follows (0 for none), and the
   * owner takes this call only once it took that one (or after a bounded wait for it), so the calls
   * are recorded in order.
   */
  public static CompletableFuture<List<PublishOutcome>> publishAll(
      HazelcastInstance hz, List<StateUpdate> updates, byte[] batchSignature, long after) {
    if (updates.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    AtomicInteger attempts = new AtomicInteger();
    return retried(
            () ->
                submitToOwner(
                    hz,
                    new PublishBatchCall(
                        updates, attempts.getAndIncrement() > 0, batchSignature, after),
                    updates.get(0).stateId()))
        .thenApply(PublishAnswer::outcomes);
  }

  /** {@code call} on the owner of {@code key}'s partition, on the publish executor. */
  private static <T> CompletableFuture<T> submitToOwner(
      HazelcastInstance hz, Callable<T> call, String key) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    hz.getExecutorService(PUBLISH_EXECUTOR)
        .submitToKeyOwner(
            call,
            key,
            new ExecutionCallback<T>() {
              @Override
              public void onResponse(T response) {
                answer.complete(response);
              }

              @Override
              public void onFailure(Throwable t) {
                answer.completeExceptionally(t);
              }
            });
    return answer;
  }

  /** {@code call}, sent again while {@link #PUBLISH_RETRY} says so; fails with the last cause. */
  private static <T> CompletableFuture<T> retried(Supplier<CompletionStage<T>> call) {
    return Retry.decorateCompletionStage(PUBLISH_RETRY, RETRIES, call).get().toCompletableFuture();
  }

  /**
   * Declares {@code nodeId}'s interest in a state, or in every state matching a pattern ({@code *}
   * matches any run of characters); {@link InterestLevel#NONE} withdraws it. The node then gets the
   * latest keyframe and delta of each matching stream.
   *
   * @throws IllegalArgumentException naming the field and value for an empty key or node
   */
  public static void declare(
      HazelcastInstance hz, String stateIdOrPattern, String nodeId, InterestLevel level) {
    checkKey("stateIdOrPattern", stateIdOrPattern);
    checkKey("nodeId", nodeId);
    if (level == null) {
      throw new IllegalArgumentException(
          "level: null; use one of " + List.of(InterestLevel.values()));
    }
    // Written once, here, through the key's owner (members that each decided from their own
    // partition table whether they owned the key lost declarations while partitions moved).
    new InterestStore(hz).declare(stateIdOrPattern, nodeId, level.weight());
    // Then every member: each copies a pattern and sends what it owns of the matching streams.
    allMembers(hz, new DeclareCall(stateIdOrPattern, nodeId, level), "declare " + stateIdOrPattern);
  }

  /**
   * Gives {@code nodeId} a budget of {@code bytesPerSecond} on every member (0: unlimited).
   *
   * @throws IllegalArgumentException naming the value if it is negative
   */
  public static void budget(HazelcastInstance hz, String nodeId, long bytesPerSecond) {
    checkKey("nodeId", nodeId);
    if (bytesPerSecond < 0) {
      throw new IllegalArgumentException(
          "bytesPerSecond: " + bytesPerSecond + " for node " + nodeId + " is negative");
    }
    allMembers(hz, new BudgetCall(nodeId, bytesPerSecond), "budget of " + nodeId);
  }

  /** Every member's counters. */
  public static List<PropagationStats> stats(HazelcastInstance hz) {
    return allMembers(hz, new StatsCall(), "propagation stats").stream()
        .map(StatsAnswer::stats)
        .toList();
  }

  /** The answers of the members; a member that left meanwhile has none. */
  private static <T> List<T> allMembers(HazelcastInstance hz, Callable<T> call, String what) {
    List<T> answers = new ArrayList<>();
    try {
      for (Future<T> f : hz.getExecutorService(EXECUTOR).submitToAllMembers(call).values()) {
        try {
          answers.add(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          // A member that left, or is leaving, has no answer to give.
          if (!memberGone(e.getCause()) && !handingOver(e.getCause())) {
            throw e;
          }
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IllegalArgumentException iae) {
        throw new IllegalArgumentException(iae.getMessage(), iae);
      }
      throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + what, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer within " + TIMEOUT_SECONDS + " s: " + what, e);
    }
    return answers;
  }

  private static boolean memberGone(Throwable e) {
    Throwable cause = e instanceof CompletionException ? e.getCause() : e;
    return cause instanceof MemberLeftException
        || cause instanceof TargetDisconnectedException
        || cause instanceof TargetNotMemberException;
  }

  /**
   * Whether {@code e} is a member's refusal while it shuts down (a {@link RetryableException}
   * thrown by its engine or by a call that found no engine, wrapped by the executor).
   */
  private static boolean handingOver(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RetryableException) {
        return true;
      }
    }
    return false;
  }

  private static void checkKey(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": '" + value + "' must not be empty");
    }
  }
}
