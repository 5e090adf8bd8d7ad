package io.swarmgrid.plugin.consensus.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.swarmgrid.config.ConsensusConfig;
import io.swarmgrid.config.FaultConfig;
import io.swarmgrid.plugin.cp.CpCommitLog;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.CommitShard.Committed;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.TallyStatus;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceKind;
import io.swarmgrid.storage.evidence.EvidenceStore;
import io.swarmgrid.storage.evidence.SignedPayload;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.internal.CallerRuns;
import io.swarmgrid.storage.reputation.ReputationRule;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmThreads;
import io.swarmgrid.tasks.consensus.CloseExpired;
import io.swarmgrid.tasks.consensus.MarkCommitted;
import io.swarmgrid.tasks.consensus.PutIfAbsent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits decided tallies of this member's partitions: in batches through the {@link CpCommitLog}
 * (exactly once, whoever else tries), then publishes the committed decision in {@code
 * swarm.decisions}, records equivocation evidence and marks the tally committed. Decided tallies
 * arrive from a local entry listener; a sweeper also finds those a dead member left uncommitted
 * (their backups are now local) and closes tallies whose deadline passed.
 */
public final class DecisionCommitter {
  private static final Logger LOG = LoggerFactory.getLogger(DecisionCommitter.class);

  private final ConsensusConfig config;
  private final CpCommitLog log;
  private final LearnedGate gate;
  private final ConsensusMetrics metrics;
  private final String nodeId;
  private final IMap<String, Tally> tallies;
  private final IMap<String, Proposal> proposals;
  private final IMap<String, Decision> decisions;
  private final EvidenceStore evidence;
  private final NodeKeys keys;
  private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final Thread worker;
  private volatile boolean running = true;

  /** A committer for the member {@code node} runs in; its worker thread starts at once. */
  public DecisionCommitter(
      SwarmNode node, CpCommitLog log, LearnedGate gate, ConsensusMetrics metrics) {
    HazelcastInstance hz = node.hazelcast();
    this.config = node.config().consensus();
    this.log = log;
    this.gate = gate;
    this.metrics = metrics;
    this.nodeId = node.nodeId();
    this.keys = node.keys();
    FaultConfig fault = node.config().fault();
    this.evidence =
        new EvidenceStore(hz, ReputationRule.of(fault), fault.maxEvidenceMaterialBytes());
    this.tallies = hz.getMap(SwarmMap.VOTES.mapName());
    this.proposals = hz.getMap(SwarmMap.PROPOSALS.mapName());
    this.decisions = hz.getMap(SwarmMap.DECISIONS.mapName());
    this.worker = SwarmThreads.start("swarmgrid-consensus-commit-" + hz.getName(), this::run);
  }

  /** Queues a decided proposal for commit (once, however often it is offered). */
  public void enqueue(String proposalId) {
    if (pending.add(proposalId)) {
      queue.offer(proposalId);
    }
  }

  /** Closes expired tallies of this member's partitions and queues every decided one. */
  public void sweep() {
    try {
      for (String id :
          tallies.localKeySet(Predicates.equal("status", TallyStatus.DECIDED.name()))) {
        enqueue(id);
      }
      Set<String> expired =
          tallies.localKeySet(
              Predicates.and(
                  Predicates.equal("status", TallyStatus.OPEN.name()),
                  Predicates.lessThan("deadline", System.currentTimeMillis())));
      for (String id : expired) {
        tallies
            .submitToKey(id, new CloseExpired())
            .thenAcceptAsync(
                closed -> {
                  if (closed != null) {
                    enqueue(id);
                  }
                },
                CallerRuns.EXECUTOR);
      }
    } catch (RuntimeException e) {
      if (running) {
        BackgroundFailures.report("consensus.sweep", e);
      }
    }
  }

  /**
   * Stops the worker; what is queued stays decided in the grid and is committed by whoever owns it
   * next.
   */
  public void stop() {
    running = false;
    worker.interrupt();
  }

  private void run() {
    List<String> batch = new ArrayList<>();
    while (running) {
      try {
        String first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, config.commitBatchSize() - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // CP or the partition may be unavailable for a moment (a member died); the tallies stay
        // decided in the grid and the next sweep offers them again.
        if (running) {
          BackgroundFailures.report("consensus.commit", batch.size() + " decisions", e);
        }
      } finally {
        pending.removeAll(batch);
        batch.clear();
      }
    }
  }

  private void commit(List<String> ids) {
    Set<String> keys = new HashSet<>(ids);
    Map<String, Tally> decided = tallies.getAll(keys);
    Map<String, Proposal> props = proposals.getAll(keys);
    List<Decision> candidates = new ArrayList<>();
    Map<String, Boolean> vetoed = new HashMap<>();
    for (Tally t : decided.values()) {
      if (t.status() != TallyStatus.DECIDED || t.decision() == null) {
        continue;
      }
      Decision gated = gate.apply(t.decision(), props.get(t.proposalId()));
      vetoed.put(
          t.proposalId(),
          gated.end() == DecisionEnd.REJECTED && t.decision().end() == DecisionEnd.QUORUM);
      candidates.add(gated);
    }
    if (candidates.isEmpty()) {
      return;
    }
    Map<String, Committed> committed = log.commit(candidates);
    metrics.batchCommitted();
    List<CompletableFuture<?>> writes = new ArrayList<>();
    for (Decision candidate : candidates) {
      String id = candidate.proposalId();
      Committed fingerprint = committed.get(id);
      if (fingerprint == null) {
        LOG.error(
            "proposal {} is older than anything the CP commit log remembers; its decision cannot be committed "
                + "(raise consensus.cp-shard-capacity)",
            id);
        continue;
      }
      Decision winner = resolve(candidate, fingerprint);
      if (winner == null) {
        // Another committer won with a decision this member does not hold (a tally that diverged
        // during a split): that committer publishes it; the next sweep marks this tally.
        Decision published = decisions.get(id);
        if (published != null) {
          writes.add(tallies.submitToKey(id, new MarkCommitted(published)).toCompletableFuture());
        }
        continue;
      }
      long ttl = config.decisionTtlSeconds();
      writes.add(decisions.submitToKey(id, new PutIfAbsent<>(winner, ttl)).toCompletableFuture());
      writes.add(tallies.submitToKey(id, new MarkCommitted(winner)).toCompletableFuture());

      if (fingerprint.matches(candidate)) {
        metrics.decided(winner, Boolean.TRUE.equals(vetoed.get(id)));
      }
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    for (Decision candidate : candidates) {
      reportEquivocations(decided.get(candidate.proposalId()));
    }
  }

  /**
   * The committed decision, given this member's candidate and the log's fingerprint of the winner:
   * the candidate itself, or the candidate with the winner's verdict (another member's learned
   * model may have judged the same tally differently), or null if the winner came from another
   * tally.
   */
  private static Decision resolve(Decision candidate, Committed winner) {
    if (winner.matches(candidate)) {
      return candidate;
    }
    if (winner.decidedAt() != candidate.decidedAt()) {
      return null;
    }
    boolean veto = winner.end() == DecisionEnd.REJECTED && candidate.end() == DecisionEnd.QUORUM;
    return candidate.withModel(winner.predicted(), winner.threshold(), veto);
  }

  /**
   * Turns the tally's equivocations into signed evidence (both of the voter's own signed votes),
   * verified and stored once by the evidence store, which also lowers the voter's reputation.
   * Evidence ids depend only on what is alleged, so a second committer's report is a no-op.
   */
  private void reportEquivocations(Tally t) {
    for (Vote second : t.conflicting()) {
      Vote first =
          t.votes().stream().filter(v -> v.voter().equals(second.voter())).findFirst().orElse(null);
      if (first == null) {
        continue;
      }
      long now = System.currentTimeMillis();
      List<SignedPayload> material =
          List.of(
              new SignedPayload(first.voter(), first.signedBytes(), first.signature()),
              new SignedPayload(second.voter(), second.signedBytes(), second.signature()));
      try {
        evidence.submit(
            Evidence.sign(
                EvidenceKind.EQUIVOCATION,
                second.voter(),
                t.proposalId(),
                material,
                nodeId,
                keys,
                now),
            now);
      } catch (RuntimeException e) {
        LOG.warn(
            "equivocation evidence against {} on {} was not stored: {}",
            second.voter(),
            t.proposalId(),
            e.getMessage());
      }
    }
  }
}
