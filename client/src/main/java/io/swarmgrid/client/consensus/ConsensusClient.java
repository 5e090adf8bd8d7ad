package io.swarmgrid.client.consensus;

import io.swarmgrid.client.ClientNode;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.OutcomeRecord;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.consensus.VoteReceipt;
import io.swarmgrid.storage.model.ModelRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Consensus from a client: propose, vote (signed with a client node's key), wait for and follow
 * decisions, report outcomes, read what the learned model knows. The members must run the consensus
 * engine ({@code swarmgrid.engines.consensus: true}).
 */
public interface ConsensusClient {
  /**
   * Makes a proposal.
   *
   * @throws IllegalArgumentException naming the field and the value if it is refused; nothing
   *     stored
   */
  Proposal propose(ProposalRequest request);

  /**
   * Votes as {@code voter}, signing with its key. The receipt says whether it counted; a refused
   * vote changed nothing and the receipt's reason names the problem. Retrying after a failure is
   * safe: the same vote again resends the bytes signed the first time (a vote that had counted gets
   * its first receipt again, {@code ACCEPTED} or {@code DECIDED}), never a second signed vote that
   * would be filed as equivocation.
   */
  VoteReceipt vote(
      ClientNode voter, String proposalId, int choice, double confidence, double... reasoning);

  /** Submits a vote signed elsewhere. */
  VoteReceipt submit(Vote vote);

  /**
   * {@link #propose} without blocking, so that one client keeps many decisions in flight. A refused
   * request fails the stage with an {@link IllegalArgumentException} naming the field and the
   * value; nothing is stored then.
   */
  CompletionStage<Proposal> proposeAsync(ProposalRequest request);

  /**
   * Signs a vote as {@code voter} without sending it (voters sign on their own machines; send it
   * with {@link #submitAllAsync}). Signing the same vote again gives the same signed vote.
   */
  Vote sign(
      ClientNode voter, String proposalId, int choice, double confidence, double... reasoning);

  /** {@link #vote} without blocking: signs, sends, and completes with the receipt. */
  CompletionStage<VoteReceipt> voteAsync(
      ClientNode voter, String proposalId, int choice, double confidence, double... reasoning);

  /**
   * Sends signed votes in one call, however many voters and proposals: each proposal's votes are
   * checked and counted together next to its tally, in the order given. Completes with one receipt
   * per vote, in the order of {@code votes}; a refused vote changed nothing and its receipt names
   * the problem. A call whose effect is unknown is resent with the same signed votes (a vote that
   * had counted gets its first receipt again).
   *
   * <p>The first vote a client sends replicates the Compact schema of {@link Vote} to the cluster
   * with a blocking call: make the first call from an application thread, not from a continuation
   * of another stage (a Hazelcast response thread), where it would never get its answer.
   */
  CompletionStage<List<VoteReceipt>> submitAllAsync(List<Vote> votes);

  /** Completes with the committed decision; every observer gets the same one. */
  CompletableFuture<Decision> awaitDecision(String proposalId);

  /**
   * Calls {@code listener} (on a Hazelcast event thread) with every decision committed from now on.
   */
  UUID addDecisionListener(Consumer<Decision> listener);

  /** Stops a decision listener. */
  boolean removeDecisionListener(UUID id);

  /** The committed decision, if there is one. */
  Optional<Decision> decision(String proposalId);

  /** The newest decisions, of {@code type} (null: any), at most {@code limit} (1..1000). */
  List<Decision> history(DecisionType type, int limit);

  /**
   * Reports whether a decided proposal went well: a training example for the learned model.
   *
   * @throws IllegalArgumentException if the proposal has no decision, or was reported already
   */
  OutcomeRecord reportOutcome(String proposalId, boolean success);

  /**
   * The learned success model: version, held-out accuracy and AUC, examples, per-type thresholds.
   */
  Optional<ModelRecord> learning();
}
