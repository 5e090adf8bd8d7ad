package io.swarmgrid.plugin.consensus.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.swarmgrid.config.ConsensusConfig;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.CommitShard.Committed;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.TallyStatus;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.CallerRuns;
import io.swarmgrid.storage.runtime.SwarmThreads;
import io.swarmgrid.tasks.consensus.CloseExpired;
import io.swarmgrid.tasks.consensus.KeepFor;
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

/**
 * Commits decided tallies of this member's partitions in groups: whatever was decided while the
 * previous group was in flight goes through the {@link CpCommitLog} together (exactly once, whoever
 * else tries; one Raft operation per shard touched), is published in {@code swarm.decisions} in one
 * call, and its tallies are marked committed (and compacted) in one call; then equivocation
 * evidence is recorded. {@value #WORKERS} groups are in flight at once, so that one group's
 * publication overlaps the next one's Raft round. Decided tallies arrive from a local entry
 * listener; a sweeper also finds those a dead member left uncommitted (their backups are now local)
 * and closes tallies whose deadline passed.
 */
public final class DecisionCommitter {
  /**
   * Longest wait for one CP or publication round: past it the batch is given up and offered again
   * by the next sweep, so that a CP group without a majority shows up as failures, not a stall.
   */
  public static final Duration CP_TIMEOUT = Duration.ofSeconds(10);

  /** Commit groups in flight at once on a member. */
  static final int WORKERS = 2;

  private final ConsensusConfig config;
  private final CpCommitLog log;
  private final LearnedGate gate;
  private final ConsensusMetrics metrics;
  private final IMap<String, Tally> tallies;
  private final IMap<String, Proposal> proposals;
  private final IMap<String, Decision> decisions;
  private final EquivocationReporter equivocations;
  private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
  private final Set<String> pending = ConcurrentHashMap.newKeySet();

  /**
   * Decided tallies that came with their listener event, by proposal id, until their group takes
   * them: the group then reads neither the tally nor whether its decision is published (a tally
   * that has just turned decided has none, and the publication's put-if-absent answers with one
   * that is there all the same).
   */
  private final Map<String, Tally> carried = new ConcurrentHashMap<>();

  private final CommitFailures failures;
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running = true;

  /** A committer for the member {@code node} runs in; its worker thread starts at once. */
  public DecisionCommitter(
      SwarmNode node, CpCommitLog log, LearnedGate gate, ConsensusMetrics metrics) {
    HazelcastInstance hz = node.hazelcast();
    this.config = node.config().consensus();
    this.log = log;
    this.gate = gate;
    this.metrics = metrics;
    this.equivocations = new EquivocationReporter(node);
    this.tallies = hz.getMap(SwarmMap.VOTES.mapName());
    this.proposals = hz.getMap(SwarmMap.PROPOSALS.mapName());
    this.decisions = hz.getMap(SwarmMap.DECISIONS.mapName());
    this.failures = new CommitFailures(hz);
    for (int i = 0; i < WORKERS; i++) {
      workers.add(
          SwarmThreads.start("swarmgrid-consensus-commit-" + i + "-" + hz.getName(), this::run));
    }
  }

  /** Queues a decided proposal for commit (once, however often it is offered). */
  public void enqueue(String proposalId) {
    enqueue(proposalId, null);
  }

  /**
   * Queues a decided proposal for commit with its tally as the listener event carried it (null: the
   * group reads it), once, however often it is offered.
   */
  public void enqueue(String proposalId, Tally decided) {
    if (pending.add(proposalId)) {
      if (decided != null) {
        carried.put(proposalId, decided);
      }
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
      // The open tallies (the hash index: those in flight), then their deadlines one by one ('%'
      // keeps the sorted index out): through the index, "deadline < now" is every committed tally
      // retained (a commit sets its deadline to the commit time), thousands read every sweep.
      Set<String> expired =
          tallies.localKeySet(
              Predicates.sql(
                  "status = '"
                      + TallyStatus.OPEN.name()
                      + "' AND %deadline < "
                      + System.currentTimeMillis()));
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
    workers.forEach(Thread::interrupt);
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
        batch.forEach(carried::remove);
        pending.removeAll(batch);
        batch.clear();
      }
    }
  }

  private void commit(List<String> ids) throws TimeoutException {
    Map<String, Tally> decided = new HashMap<>();
    Set<String> unread = new HashSet<>();
    for (String id : ids) {
      Tally t = carried.remove(id);
      if (t == null) {
        unread.add(id);
      } else if (isDecided(t)) {
        decided.put(id, t);
      }
    }
    Map<String, Decision> settled = new HashMap<>();
    if (!unread.isEmpty()) {
      // Offered by the sweep (a tally a dead member left, or one whose last round failed): read
      // it, and whether its decision is published already, which means it was committed (the CP
      // log's window may have forgotten it long ago): the tally only needs marking.
      Map<String, Tally> read = new HashMap<>();
      tallies.getAll(unread).values().stream()
          .filter(DecisionCommitter::isDecided)
          .forEach(t -> read.put(t.proposalId(), t));
      if (!read.isEmpty()) {
        decided.putAll(read);
        settled.putAll(decisions.getAll(read.keySet()));
      }
    }
    if (decided.isEmpty()) {
      return;
    }
    Set<String> open = new HashSet<>(decided.keySet());
    open.removeAll(settled.keySet());
    Map<String, Proposal> props =
        open.isEmpty() || !gate.active() ? Map.of() : proposals.getAll(open);
    List<Decision> candidates = new ArrayList<>();
    for (String id : open) {
      candidates.add(gate.apply(decided.get(id).decision(), props.get(id)));
    }
    Map<String, Decision> winners = new HashMap<>();
    if (!candidates.isEmpty()) {
      Map<String, Committed> committed = log.commit(candidates);
      metrics.batchCommitted();
      for (Decision candidate : candidates) {
        String id = candidate.proposalId();
        Committed winner = committed.get(id);
        Optional<Decision> rebuilt =
            winner == null
                ? Optional.empty()
                : CommittedDecision.rebuild(decided.get(id).decision(), winner);
        // Empty: the winner came from another copy of the tally (one that diverged during a
        // split); its committer publishes it, and the next sweep finds it published.
        rebuilt.ifPresent(
            winning -> {
              winners.put(id, winning);
              if (winner.matches(candidate)) {
                DecisionEnd tallied = decided.get(id).decision().end();
                metrics.decided(
                    winning,
                    winning.end() == DecisionEnd.REJECTED && tallied == DecisionEnd.QUORUM);
              }
            });
      }
    }
    long retention = config.retentionAfterCommitSeconds();
    if (!winners.isEmpty()) {
      // One call: publishes each winner if absent and, on each one's partition, marks its tally
      // committed with what is published and keeps its proposal record for the retention.
      await(
          decisions
              .submitToKeys(
                  winners.keySet(),
                  new PublishDecision(
                      winners, config.decisionTtlSeconds(), retention, System.currentTimeMillis()))
              .toCompletableFuture());
    }
    // Published before, found by a sweep: only the marking is left.
    if (!settled.isEmpty()) {
      CompletableFuture<?> marks =
          tallies
              .submitToKeys(
                  settled.keySet(),
                  new MarkCommitted(settled, retention, System.currentTimeMillis()))
              .toCompletableFuture();
      CompletableFuture<?> kept =
          proposals
              .submitToKeys(settled.keySet(), new KeepFor<Proposal>(retention))
              .toCompletableFuture();
      await(CompletableFuture.allOf(marks, kept));
    }
    for (String id : winners.keySet()) {
      equivocations.report(decided.get(id));
    }
  }

  private static boolean isDecided(Tally t) {
    return t.status() == TallyStatus.DECIDED && t.decision() != null;
  }

  private <T> T await(CompletableFuture<T> all) throws TimeoutException {
    try {
      return all.get(CP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing decisions", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("publishing decisions failed: " + e.getCause(), e);
    }
  }
}
