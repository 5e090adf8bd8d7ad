package io.swarmgrid.plugin.consensus;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import io.swarmgrid.config.ConsensusConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.plugin.consensus.internal.AtomicReferenceCommitLog;
import io.swarmgrid.plugin.consensus.internal.ConsensusMetrics;
import io.swarmgrid.plugin.consensus.internal.CpCommitLog;
import io.swarmgrid.plugin.consensus.internal.CpGroupHealer;
import io.swarmgrid.plugin.consensus.internal.DecisionCommitter;
import io.swarmgrid.plugin.consensus.internal.ElectorateSnapshot;
import io.swarmgrid.plugin.consensus.internal.ExpiredDecisionSweep;
import io.swarmgrid.plugin.consensus.internal.LearnedGate;
import io.swarmgrid.plugin.consensus.internal.RetentionSweep;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionStore;
import io.swarmgrid.storage.consensus.OutcomeRecord;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.SignedVotes;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.TallyStatus;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.consensus.VoteReceipt;
import io.swarmgrid.storage.model.ModelRecord;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.BoundedTeardown;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.runtime.SwarmThreads;
import io.swarmgrid.tasks.consensus.ConsensusCalls;
import io.swarmgrid.tasks.consensus.ConsensusHooks;
import io.swarmgrid.tasks.consensus.ElectorateView;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Signed, reputation- and confidence-weighted consensus, committed exactly once through the CP
 * Subsystem. Run it on every member that holds data ({@code swarmgrid.engines.consensus: true}).
 *
 * <p>A proposal's tally lives in {@code swarm.votes} on the proposal's partition, with a snapshot
 * of its electorate (reputations and public keys). Votes are checked and counted there by an entry
 * processor; a vote's weight is confidence x reputation, and an option wins with more than {@code
 * quorum-fraction} of the electorate's weight. The member that owns the partition commits the
 * decision through the {@link CpCommitLog}, so that one outcome holds even if that member dies
 * mid-commit or the cluster splits, then publishes it in {@code swarm.decisions}. Outcomes reported
 * later train a model that predicts success and adapts a threshold per decision type.
 */
public final class ConsensusEngine implements SwarmEngine {
  private final SignedVotes signed = new SignedVotes();
  private SwarmNode node;
  private HazelcastInstance hz;
  private ConsensusMetrics metrics;
  private DecisionStore store;
  private LearnedGate gate;
  private CpCommitLog log;
  private DecisionCommitter committer;
  private ScheduledExecutorService scheduler;
  private ScheduledExecutorService cpScheduler;
  private CpGroupHealer healer;
  private ElectorateSnapshot electorate;
  private UUID tallyListener;
  private UUID modelListener;

  @Override
  public EngineKind kind() {
    return EngineKind.CONSENSUS;
  }

  @Override
  public void start(SwarmNode node) {
    this.node = node;
    this.hz = node.hazelcast();
    ConsensusConfig config = node.config().consensus();
    if (hz.getConfig().getCPSubsystemConfig().getCPMemberCount() == 0) {
      // In UNSAFE mode Hazelcast's CP objects live in partitions without Raft: a split brain or a
      // lost partition commits a proposal twice, which is what the commit log exists to prevent.
      throw new IllegalStateException(
          "hazelcast.cp-subsystem.cp-member-count: 0 (the CP Subsystem is off); the consensus engine "
              + "commits decisions through CP and refuses to run without it: set cp-member-count to 3 or more, "
              + "or swarmgrid.engines.consensus: false");
    }
    metrics = new ConsensusMetrics(node.meters());
    store = new DecisionStore(hz);
    gate = new LearnedGate(hz, config.learning(), store);
    log =
        new AtomicReferenceCommitLog(
            hz, config.cpShards(), config.cpShardCapacity(), DecisionCommitter.CP_TIMEOUT);
    committer = new DecisionCommitter(node, log, gate, metrics);
    IMap<String, Tally> tallies = hz.getMap(SwarmMap.VOTES.mapName());
    tallyListener =
        tallies.addLocalEntryListener(
            // With the value: the committer then reads neither the tally nor the decisions map.
            (EntryUpdatedListener<String, Tally>) e -> committer.enqueue(e.getKey(), e.getValue()),
            Predicates.equal("status", TallyStatus.DECIDED.name()),
            true);
    IMap<String, ModelRecord> models = hz.getMap(SwarmMap.MODELS.mapName());
    modelListener = models.addEntryListener(new ModelChanged(), DecisionStore.MODEL_NAME, false);
    gate.refresh();
    scheduler = SwarmThreads.scheduler("swarmgrid-consensus-" + hz.getName());
    scheduler.scheduleWithFixedDelay(
        committer::sweep, config.sweepMillis(), config.sweepMillis(), TimeUnit.MILLISECONDS);
    long retention = config.retentionAfterCommitSeconds();
    RetentionSweep retentionSweep = new RetentionSweep(hz, retention, DecisionCommitter.CP_TIMEOUT);
    long retentionPeriod = RetentionSweep.periodMillis(retention);
    scheduler.scheduleWithFixedDelay(
        retentionSweep::run, retentionPeriod, retentionPeriod, TimeUnit.MILLISECONDS);
    ExpiredDecisionSweep decisionSweep = new ExpiredDecisionSweep(hz, config.decisionTtlSeconds());
    long decisionPeriod = ExpiredDecisionSweep.periodMillis(config.decisionTtlSeconds());
    scheduler.scheduleWithFixedDelay(
        decisionSweep::run, decisionPeriod, decisionPeriod, TimeUnit.MILLISECONDS);
    healer = new CpGroupHealer(hz, config.cp().missingMemberRemoval());
    // Its own thread: a CP membership change can take seconds, and sweeps must not wait for it.
    cpScheduler = SwarmThreads.scheduler("swarmgrid-cp-healer-" + hz.getName());
    cpScheduler.scheduleWithFixedDelay(healer::tick, 1, 1, TimeUnit.SECONDS);
    if (config.learning().enabled()) {
      int period = config.learning().retrainSeconds();
      scheduler.scheduleWithFixedDelay(this::retrainQuietly, period, period, TimeUnit.SECONDS);
    }
    electorate = new ElectorateSnapshot(hz);
    SwarmServices services = SwarmServices.of(hz);
    services.put(ElectorateView.class, electorate);
    services.put(ConsensusHooks.class, metrics);
    services.put(ConsensusEngine.class, this);
  }

  @Override
  public void stop() {
    SwarmServices services = SwarmServices.of(hz);
    services.remove(ConsensusEngine.class, this);
    services.remove(ConsensusHooks.class, metrics);
    services.remove(ElectorateView.class, electorate);
    scheduler.shutdownNow();
    cpScheduler.shutdownNow();
    committer.stop();
    BoundedTeardown.run(
        "swarmgrid-consensus-stop-" + hz.getName(),
        () -> {
          hz.getMap(SwarmMap.VOTES.mapName()).removeEntryListener(tallyListener);
          hz.getMap(SwarmMap.MODELS.mapName()).removeEntryListener(modelListener);
          electorate.close();
          store.close();
        });
  }

  /**
   * Makes a proposal (on the member that owns its partition).
   *
   * @throws IllegalArgumentException naming the field and the value if it is refused; nothing is
   *     stored
   */
  public Proposal propose(ProposalRequest request) {
    return ConsensusCalls.propose(hz, request);
  }

  /**
   * Votes as this member's node, signed with its key. Voting the same vote again (a retry) resends
   * the vote signed the first time, so it is never taken for equivocation.
   */
  public VoteReceipt vote(String proposalId, int choice, double confidence, double... reasoning) {
    return submit(
        signed.sign(
            node.keys(),
            node.nodeId(),
            proposalId,
            choice,
            confidence,
            reasoning,
            System.currentTimeMillis()));
  }

  /** Submits a vote signed elsewhere. */
  public VoteReceipt submit(Vote vote) {
    return ConsensusCalls.vote(hz, vote);
  }

  /** {@link #propose} without blocking; a refusal fails the stage. */
  public CompletionStage<Proposal> proposeAsync(ProposalRequest request) {
    return ConsensusCalls.proposeAsync(hz, request, scheduler);
  }

  /**
   * Submits votes signed elsewhere without blocking, all in one call (each proposal's votes applied
   * together); the receipts come in the order of {@code votes}.
   */
  public CompletionStage<List<VoteReceipt>> submitAllAsync(List<Vote> votes) {
    return ConsensusCalls.voteAsync(hz, votes, scheduler);
  }

  /** Completes with the committed decision of {@code proposalId}. */
  public CompletableFuture<Decision> awaitDecision(String proposalId) {
    return store.await(proposalId);
  }

  /** Decisions, history and outcome reports. */
  public DecisionStore decisions() {
    return store;
  }

  /** Reports whether a decided proposal went well (a training example). */
  public OutcomeRecord reportOutcome(String proposalId, boolean success) {
    return store.reportOutcome(proposalId, success);
  }

  /** Retrains the learned model now from the reported outcomes, if there are enough new ones. */
  public Optional<ModelRecord> retrain() {
    return gate.retrain();
  }

  /** The learned model in use on this member, with its metrics and thresholds. */
  public Optional<ModelRecord> model() {
    return gate.model();
  }

  /**
   * The number of CP commit-log shards this member commits to: the count the cluster recorded in CP
   * first, whatever this member's {@code consensus.cp-shards} says.
   *
   * @throws IllegalStateException if the CP Subsystem does not answer
   */
  public int commitShards() {
    try {
      return log.shards();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the CP Subsystem did not answer: " + e, e);
    }
  }

  /**
   * Whether decisions can be committed from this member: the CP Subsystem has formed (its initial
   * members found each other). Until then a member that is killed can leave the CP Subsystem unable
   * to form at all, and a joining member is refused as a CP member.
   */
  public boolean ready() {
    return healer.discovered();
  }

  /** This member's counts. */
  public ConsensusStats stats() {
    return metrics.snapshot();
  }

  private void retrainQuietly() {
    try {
      gate.retrainIfOldest();
    } catch (RuntimeException e) {
      BackgroundFailures.report("consensus.retrain", e);
    }
  }

  /** Reloads the model when the oldest member stores a new one. */
  private final class ModelChanged
      implements EntryAddedListener<String, ModelRecord>,
          EntryUpdatedListener<String, ModelRecord> {
    @Override
    public void entryAdded(EntryEvent<String, ModelRecord> event) {
      reload();
    }

    @Override
    public void entryUpdated(EntryEvent<String, ModelRecord> event) {
      reload();
    }

    private void reload() {
      scheduler.execute(
          () -> {
            try {
              gate.refresh();
            } catch (RuntimeException e) {
              BackgroundFailures.report("consensus.model-reload", e);
            }
          });
    }
  }
}
