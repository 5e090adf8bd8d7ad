package io.swarmgrid.client.internal;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.client.ClientNode;
import io.swarmgrid.client.consensus.ConsensusClient;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionStore;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.OutcomeRecord;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.SignedVotes;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.consensus.VoteReceipt;
import io.swarmgrid.storage.model.ModelRecord;
import io.swarmgrid.storage.runtime.CallerRuns;
import io.swarmgrid.tasks.consensus.ConsensusCalls;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** {@link ConsensusClient} over a Hazelcast client. */
final class HazelcastConsensusClient implements ConsensusClient, AutoCloseable {
  private final HazelcastInstance client;
  private final DecisionStore store;
  private final SignedVotes signed = new SignedVotes();

  HazelcastConsensusClient(HazelcastInstance client) {
    this.client = client;
    this.store = new DecisionStore(client);
  }

  @Override
  public Proposal propose(ProposalRequest request) {
    return ConsensusCalls.propose(client, request);
  }

  @Override
  public VoteReceipt vote(
      ClientNode voter, String proposalId, int choice, double confidence, double... reasoning) {
    return submit(
        signed.sign(
            voter.keys(),
            voter.nodeId(),
            proposalId,
            choice,
            confidence,
            reasoning,
            System.currentTimeMillis()));
  }

  @Override
  public VoteReceipt submit(Vote vote) {
    return ConsensusCalls.vote(client, vote);
  }

  @Override
  public CompletionStage<Proposal> proposeAsync(ProposalRequest request) {
    return ConsensusCalls.proposeAsync(client, request, CallerRuns.EXECUTOR);
  }

  @Override
  public Vote sign(
      ClientNode voter, String proposalId, int choice, double confidence, double... reasoning) {
    return signed.sign(
        voter.keys(),
        voter.nodeId(),
        proposalId,
        choice,
        confidence,
        reasoning,
        System.currentTimeMillis());
  }

  @Override
  public CompletionStage<VoteReceipt> voteAsync(
      ClientNode voter, String proposalId, int choice, double confidence, double... reasoning) {
    return submitAllAsync(List.of(sign(voter, proposalId, choice, confidence, reasoning)))
        .thenApply(receipts -> receipts.get(0));
  }

  @Override
  public CompletionStage<List<VoteReceipt>> submitAllAsync(List<Vote> votes) {
    return ConsensusCalls.voteAsync(client, votes, CallerRuns.EXECUTOR);
  }

  @Override
  public CompletableFuture<Decision> awaitDecision(String proposalId) {
    return store.await(proposalId);
  }

  @Override
  public UUID addDecisionListener(Consumer<Decision> listener) {
    return store.addListener(listener);
  }

  @Override
  public boolean removeDecisionListener(UUID id) {
    return store.removeListener(id);
  }

  @Override
  public Optional<Decision> decision(String proposalId) {
    return store.get(proposalId);
  }

  @Override
  public List<Decision> history(DecisionType type, int limit) {
    return store.history(type, limit);
  }

  @Override
  public OutcomeRecord reportOutcome(String proposalId, boolean success) {
    return store.reportOutcome(proposalId, success);
  }

  @Override
  public Optional<ModelRecord> learning() {
    return store.model();
  }

  @Override
  public void close() {
    store.close();
  }
}
