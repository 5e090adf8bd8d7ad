package io.swarmgrid.plugin.consensus.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swarmgrid.plugin.consensus.ConsensusStats;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.VoteStatus;
import io.swarmgrid.tasks.consensus.ConsensusHooks;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Micrometer meters of the consensus engine, and the hooks that code next to the tallies calls. */
public final class ConsensusMetrics implements ConsensusHooks {
  private final MeterRegistry registry;
  private final Map<VoteStatus, Counter> votes = new EnumMap<>(VoteStatus.class);
  private final Map<DecisionEnd, Counter> decisions = new EnumMap<>(DecisionEnd.class);
  private final Map<String, AtomicLong> refusedProposals = new ConcurrentHashMap<>();
  private final Counter proposals;
  private final Counter batches;
  private final Counter vetoes;
  private final Counter commitFailures;
  private final Timer latency;

  /** Meters registered in {@code registry}, named {@code swarmgrid.consensus.*}. */
  public ConsensusMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (VoteStatus s : VoteStatus.values()) {
      votes.put(
          s,
          Counter.builder("swarmgrid.consensus.votes")
              .tag("status", s.name().toLowerCase())
              .register(registry));
    }
    for (DecisionEnd e : DecisionEnd.values()) {
      decisions.put(
          e,
          Counter.builder("swarmgrid.consensus.decisions")
              .tag("end", e.name().toLowerCase())
              .register(registry));
    }
    proposals =
        Counter.builder("swarmgrid.consensus.proposals")
            .tag("result", "accepted")
            .register(registry);
    batches = Counter.builder("swarmgrid.consensus.commit.batches").register(registry);
    vetoes = Counter.builder("swarmgrid.consensus.model.vetoes").register(registry);
    commitFailures =
        Counter.builder("swarmgrid.consensus.commit.failures")
            .description("decisions whose commit attempt failed (retried by the next sweep)")
            .register(registry);
    latency =
        Timer.builder("swarmgrid.consensus.decision.latency")
            .description("proposal to committed decision")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
  }

  @Override
  public void voteApplied(VoteStatus status) {
    votes.get(status).increment();
  }

  @Override
  public void proposalRefused(String field) {
    refusedProposals
        .computeIfAbsent(
            field,
            f -> {
              AtomicLong count = new AtomicLong();
              registry.gauge(
                  "swarmgrid.consensus.proposals.refused",
                  io.micrometer.core.instrument.Tags.of("field", f),
                  count);
              return count;
            })
        .incrementAndGet();
  }

  @Override
  public void proposalAccepted() {
    proposals.increment();
  }

  /** A batch was committed through CP. */
  public void batchCommitted() {
    batches.increment();
  }

  /** A commit attempt of {@code decisions} decisions failed; they are retried. */
  public void commitFailed(int decisions) {
    commitFailures.increment(decisions);
  }

  /** This member committed {@code d}. */
  public void decided(Decision d, boolean vetoed) {
    decisions.get(d.end()).increment();
    if (vetoed) {
      vetoes.increment();
    }
    latency.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - d.createdAt())));
  }

  /** A snapshot of the counts. */
  public ConsensusStats snapshot() {
    Map<VoteStatus, Long> v = new EnumMap<>(VoteStatus.class);
    votes.forEach((k, c) -> v.put(k, (long) c.count()));
    Map<DecisionEnd, Long> d = new EnumMap<>(DecisionEnd.class);
    decisions.forEach((k, c) -> d.put(k, (long) c.count()));
    Map<String, Long> refused = new TreeMap<>();
    refusedProposals.forEach((k, c) -> refused.put(k, c.get()));
    return new ConsensusStats(
        (long) proposals.count(),
        refused,
        v,
        d,
        (long) batches.count(),
        (long) vetoes.count(),
        (long) commitFailures.count());
  }
}
