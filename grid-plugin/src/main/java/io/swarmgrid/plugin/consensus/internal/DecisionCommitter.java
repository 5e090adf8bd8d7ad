package io.swarmgrid.plugin.consensus.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.swarmgrid.config.ConsensusConfig;
import io.swarmgrid.config.FaultConfig;
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
import io.swarmgrid.storage.reputation.ReputationRule;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.CallerRuns;
import io.swarmgrid.storage.runtime.SwarmThreads;
import io.swarmgrid.tasks.consensus.CloseExpired;
import io.swarmgrid.tasks.consensus.MarkCommitted;
import io.swarmgrid.tasks.consensus.PublishDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
  /**
   * Longest wait for one CP or publication round: past it the batch is given up and offered again
   * by the next sweep, so that a CP group without a majority shows up as failures, not a stall.
   */
  public static final Duration CP_TIMEOUT = Duration.ofSeconds(10);

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
  private final CommitFailures failures;
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
    this.failures = new CommitFailures(hz);
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
        failures.succeeded();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (TimeoutException | RuntimeException e) {
        // CP or the partition may be unavailable (a member died, CP lost its majority or is still
        // forming); the tallies stay decided in the grid and the next sweep offers them again.
        if (running) {
          metrics.commitFailed(batch.size());
          failures.failed(batch.size(), e);
        }
      } finally {
        pending.removeAll(batch);
        batch.clear();
      }
    }
  }

  private void commit(List<String> ids) throws TimeoutException {
    Set<String> keys = new HashSet<>(ids);
    Map<String, Tally> decided = new HashMap<>();
    tallies.getAll(keys).values().stream()
        .filter(t -> t.status() == TallyStatus.DECIDED && t.decision() != null)
        .forEach(t -> decided.put(t.proposalId(), t));
    if (decided.isEmpty()) {
      return;
    }
    // A decision already published was committed (the CP log's window may have forgotten it long
    // ago): the tally only needs marking.
    Map<String, Decision> published = decisions.getAll(decided.keySet());
    List<CompletableFuture<?>> marks = new ArrayList<>();
    published.forEach((id, d) -> marks.add(mark(id, d)));
    decided.keySet().removeAll(published.keySet());
    Map<String, Proposal> props = decided.isEmpty() ? Map.of() : proposals.getAll(decided.keySet());
    List<Decision> candidates = new ArrayList<>();
    for (Tally t : decided.values()) {
      candidates.add(gate.apply(t.decision(), props.get(t.proposalId())));
    }
    Map<String, Committed> committed = candidates.isEmpty() ? Map.of() : log.commit(candidates);
    if (!candidates.isEmpty()) {
      metrics.batchCommitted();
    }
    Map<String, CompletableFuture<Decision>> publications = new HashMap<>();
    for (Decision candidate : candidates) {
      String id = candidate.proposalId();
      Committed winner = committed.get(id);
      Optional<Decision> rebuilt =
          winner == null
              ? Optional.empty()
              : CommittedDecision.rebuild(decided.get(id).decision(), winner);
      if (rebuilt.isEmpty()) {
        // The winner came from another copy of the tally (one that diverged during a split): its
        // committer publishes it, and the next sweep finds it published.
        continue;
      }
      Decision winning = rebuilt.get();
      publications.put(
          id,
          decisions
              .submitToKey(id, new PublishDecision(winning, config.decisionTtlSeconds()))
              .toCompletableFuture());
      if (winner.matches(candidate)) {
        DecisionEnd tallied = decided.get(id).decision().end();
        metrics.decided(
            winning, winning.end() == DecisionEnd.REJECTED && tallied == DecisionEnd.QUORUM);
      }
    }
    await(CompletableFuture.allOf(publications.values().toArray(CompletableFuture[]::new)));
    publications.forEach((id, f) -> marks.add(mark(id, f.join())));
    await(CompletableFuture.allOf(marks.toArray(CompletableFuture[]::new)));
    for (String id : publications.keySet()) {
      reportEquivocations(decided.get(id));
    }
  }

  private CompletableFuture<?> mark(String id, Decision published) {
    return tallies.submitToKey(id, new MarkCommitted(published)).toCompletableFuture();
  }

  private void await(CompletableFuture<?> all) throws TimeoutException {
    try {
      all.get(CP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing decisions", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("publishing decisions failed: " + e.getCause(), e);
    }
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
