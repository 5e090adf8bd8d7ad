package io.swarmgrid.plugin.consensus.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.swarmgrid.config.ConsensusConfig;
import io.swarmgrid.plugin.cp.CpCommitLog;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.EquivocationEvidence;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.TallyStatus;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.tasks.consensus.CloseExpired;
import io.swarmgrid.tasks.consensus.MarkCommitted;
import io.swarmgrid.tasks.consensus.PutIfAbsent;
import java.util.ArrayList;
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
 * (exactly once, whoever else tries), then publishes the committed decision in
 * {@code swarm.decisions}, records equivocation evidence and marks the tally committed. Decided
 * tallies arrive from a local entry listener; a sweeper also finds those a dead member left
 * uncommitted (their backups are now local) and closes tallies whose deadline passed.
 */
public final class DecisionCommitter {
  private static final Logger LOG = LoggerFactory.getLogger(DecisionCommitter.class);

  private final HazelcastInstance hz;
  private final ConsensusConfig config;
  private final CpCommitLog log;
  private final LearnedGate gate;
  private final ConsensusMetrics metrics;
  private final String nodeId;
  private final IMap<String, Tally> tallies;
  private final IMap<String, Proposal> proposals;
  private final IMap<String, Decision> decisions;
  private final IMap<String, EquivocationEvidence> evidence;
  private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final Thread worker;
  private volatile boolean running = true;

  /** A committer for the member {@code hz} runs in. */
  public DecisionCommitter(HazelcastInstance hz, ConsensusConfig config, CpCommitLog log, LearnedGate gate,
      ConsensusMetrics metrics, String nodeId) {
    this.hz = hz;
    this.config = config;
    this.log = log;
    this.gate = gate;
    this.metrics = metrics;
    this.nodeId = nodeId;
    this.tallies = hz.getMap(SwarmMap.VOTES.mapName());
    this.proposals = hz.getMap(SwarmMap.PROPOSALS.mapName());
    this.decisions = hz.getMap(SwarmMap.DECISIONS.mapName());
    this.evidence = hz.getMap(SwarmMap.EVIDENCE.mapName());
    this.worker = new Thread(this::run, "swarmgrid-consensus-commit-" + hz.getName());
    worker.setDaemon(true);
    worker.start();
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
      for (String id : tallies.localKeySet(Predicates.equal("status", TallyStatus.DECIDED.name()))) {
        enqueue(id);
      }
      Set<String> expired = tallies.localKeySet(Predicates.and(
          Predicates.equal("status", TallyStatus.OPEN.name()), Predicates.lessThan("deadline", System.currentTimeMillis())));
      for (String id : expired) {
        tallies.submitToKey(id, new CloseExpired()).thenAccept(closed -> {
          if (closed != null) {
            enqueue(id);
          }
        });
      }
    } catch (RuntimeException e) {
      if (running) {
        LOG.debug("consensus sweep failed: {}", e.toString());
      }
    }
  }

  /** Stops the worker; what is queued stays decided in the grid and is committed by whoever owns it next. */
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
          LOG.warn("committing {} decisions failed, will retry: {}", batch.size(), e.toString());
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
    Map<String, Boolean> vetoed = new ConcurrentHashMap<>();
    for (Tally t : decided.values()) {
      if (t.status() != TallyStatus.DECIDED || t.decision() == null) {
        continue;
      }
      Decision gated = gate.apply(t.decision(), props.get(t.proposalId()));
      vetoed.put(t.proposalId(), gated.end() == DecisionEnd.REJECTED && t.decision().end() == DecisionEnd.QUORUM);
      candidates.add(gated);
    }
    if (candidates.isEmpty()) {
      return;
    }
    Map<String, Decision> committed = log.commit(candidates);
    metrics.batchCommitted();
    List<CompletableFuture<?>> writes = new ArrayList<>();
    for (Decision candidate : candidates) {
      String id = candidate.proposalId();
      Decision winner = committed.get(id);
      if (winner == null) {
        LOG.error("proposal {} is older than anything the CP commit log remembers; its decision cannot be committed "
            + "(raise consensus.cp-shard-capacity)", id);
        continue;
      }
      long ttl = config.decisionTtlSeconds();
      writes.add(decisions.submitToKey(id, new PutIfAbsent<>(winner, ttl)).toCompletableFuture());
      writes.add(tallies.submitToKey(id, new MarkCommitted(winner)).toCompletableFuture());
      Tally t = decided.get(id);
      for (Vote second : t.conflicting()) {
        Vote first = t.votes().stream().filter(v -> v.voter().equals(second.voter())).findFirst().orElse(null);
        if (first != null) {
          String eid = EquivocationEvidence.idOf(id, second.voter());
          writes.add(evidence.submitToKey(eid, new PutIfAbsent<>(
              new EquivocationEvidence(eid, id, second.voter(), first, second, nodeId, System.currentTimeMillis()), 0))
              .toCompletableFuture());
        }
      }
      boolean ours = winner.decidedAt() == candidate.decidedAt() && winner.end() == candidate.end();
      if (ours) {
        metrics.decided(winner, Boolean.TRUE.equals(vetoed.get(id)));
      }
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
  }
}
