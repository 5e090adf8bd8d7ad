package io.swarmgrid.plugin.swarm.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.Partition;
import io.swarmgrid.plugin.consensus.ConsensusEngine;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.VoteReceipt;
import io.swarmgrid.storage.consensus.VoteStatus;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.swarm.ParticleSwarmRecord;
import io.swarmgrid.storage.swarm.ParticleSwarmUpdates;
import io.swarmgrid.tasks.swarm.pso.AdoptionProposal;
import io.swarmgrid.tasks.swarm.pso.PositionsOfTick;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collective decision to adopt a particle swarm's best position, through the consensus engine's
 * public API (so it is signed, weighted and committed exactly once like any decision). The member
 * owning the swarm's record proposes when the budget is spent or the global best has not improved
 * for {@code stallTicks}; every member votes once for the particles it steps: "adopt" if most of
 * them have stalled (confidence: the share that agrees), "continue" otherwise; a member with none
 * of the swarm's particles, or a swarm whose budget is spent, votes "adopt" with confidence 1. The
 * owner applies the committed decision to the record: adopted, or closed so that another proposal
 * may follow {@code stallTicks} later. Without a consensus engine on the member it does nothing.
 */
public final class SwarmAdoption {
  private static final Logger LOG = LoggerFactory.getLogger(SwarmAdoption.class);

  /** The options of an adoption proposal. */
  public static final List<String> OPTIONS = List.of("adopt", "continue");

  private final HazelcastInstance hz;
  private final IMap<String, ParticleSwarmRecord> swarms;
  private final NodeRegistry registry;
  private final String nodeId;
  private final int stallTicks;
  private final Duration deadline;
  private final AdoptionPlanner planner;
  private final Set<String> voted = ConcurrentHashMap.newKeySet();

  /**
   * Adoption on {@code hz}, proposing as {@code nodeId}, with risk and plan from {@code planner}.
   */
  public SwarmAdoption(
      HazelcastInstance hz,
      String nodeId,
      int stallTicks,
      Duration deadline,
      AdoptionPlanner planner) {
    this.planner = planner;
    this.hz = hz;
    this.swarms = hz.getMap(SwarmMap.PARTICLE_SWARMS.mapName());
    this.registry = new NodeRegistry(hz);
    this.nodeId = nodeId;
    this.stallTicks = stallTicks;
    this.deadline = deadline;
  }

  /** Proposes, votes and settles what is due for {@code r} after {@code tick}. */
  public void afterTick(ParticleSwarmRecord r, long tick, PositionsOfTick report) {
    // The balance engine may start after this one: its handler is registered once it is there.
    planner.registerHandler();
    ConsensusEngine engine = SwarmServices.find(hz, ConsensusEngine.class).orElse(null);
    if (engine == null || r.adopted()) {
      return;
    }
    try {
      if (r.proposalId().isEmpty()) {
        if (dueForProposal(r, tick) && ownsRecord(r.swarmId())) {
          propose(engine, r, tick);
        }
        return;
      }
      vote(engine, r, report);
      if (ownsRecord(r.swarmId())) {
        settleIfDecided(engine, r);
      }
    } catch (RuntimeException e) {
      BackgroundFailures.report("swarm.adoption", e);
    }
  }

  // Proposals are spaced by stallTicks even once the budget is spent, so a decision that does not
  // adopt (voted down, expired, vetoed by the learned gate) is not re-proposed every tick.
  private boolean dueForProposal(ParticleSwarmRecord r, long tick) {
    if (r.proposals() > 0 && tick - r.proposedTick() < stallTicks) {
      return false;
    }
    boolean stalled = tick - r.lastImprovementTick() >= stallTicks;
    return r.exhausted() || (r.bestPosition().length > 0 && stalled);
  }

  private void propose(ConsensusEngine engine, ParticleSwarmRecord seen, long tick) {
    String id = "adopt:" + seen.swarmId() + ":" + tick;
    if (!swarms.executeOnKey(seen.swarmId(), ParticleSwarmUpdates.propose(id, tick))) {
      return;
    }
    // The best as the proposal froze it: an offer may have landed between the read and the open.
    ParticleSwarmRecord r = swarms.get(seen.swarmId());
    if (r == null) {
      return;
    }
    try {
      List<String> electorate = memberNodes();
      double[] features = {r.bestValue(), (double) r.evaluations() / r.budget()};
      AdoptionProposal payload = planner.proposal(engine, r, electorate.size(), features);
      LOG.info(
          "swarm {} proposes adopting {} (risk {}, plan {})",
          r.swarmId(),
          r.bestValue(),
          payload.risk(),
          payload.plan());
      engine.propose(
          ProposalRequest.builder(nodeId, DecisionType.SWARM_ACTION)
              .id(id)
              .options(OPTIONS)
              .deadlineIn(deadline)
              .electorate(electorate)
              .features(features)
              .payload(payload.toPayload())
              .build());
    } catch (RuntimeException e) {
      // Refused (e.g. the id was taken by an earlier life of the swarm): close it, try later.
      swarms.executeOnKey(r.swarmId(), ParticleSwarmUpdates.settle(id, false));
      throw e;
    }
  }

  private void vote(ConsensusEngine engine, ParticleSwarmRecord r, PositionsOfTick report) {
    String id = r.proposalId();
    if (voted.contains(id)) {
      return;
    }
    int choice;
    double confidence;
    double stalledShare =
        report.particles() == 0 ? 1 : (double) report.stalled() / report.particles();
    if (r.exhausted() || report.particles() == 0) {
      choice = 0;
      confidence = 1;
    } else {
      choice = stalledShare >= 0.5 ? 0 : 1;
      confidence = Math.max(stalledShare, 1 - stalledShare);
    }
    VoteReceipt receipt = engine.vote(id, choice, confidence, stalledShare);
    // The record can name a proposal a moment before the consensus engine holds it: vote again.
    if (receipt.status() != VoteStatus.UNKNOWN_PROPOSAL) {
      voted.add(id);
    }
    if (!receipt.status().counted()) {
      LOG.info("swarm vote on {} not counted: {} {}", id, receipt.status(), receipt.reason());
    }
  }

  // A read per tick while a proposal is open, on the owner only: no waiter to lose on failover.
  private void settleIfDecided(ConsensusEngine engine, ParticleSwarmRecord r) {
    String id = r.proposalId();
    engine
        .decisions()
        .get(id)
        .ifPresent(
            d -> {
              boolean adopt = d.approved() && OPTIONS.get(0).equals(d.outcomeLabel());
              boolean settled =
                  swarms.executeOnKey(r.swarmId(), ParticleSwarmUpdates.settle(id, adopt));
              // Settling succeeds once per proposal, so the plan is submitted at most once (an
              // owner
              // dying between the two loses it: the adoption stands, its plan is not run).
              if (settled && adopt) {
                engine
                    .decisions()
                    .proposal(id)
                    .map(p -> AdoptionProposal.fromPayload(p.payload()))
                    .ifPresent(p -> planner.carryOut(id, p));
              }
            });
  }

  // The nodes of the members now in the cluster: they step the particles and vote for them. Client
  // nodes and gone members would only hold the quorum back.
  private List<String> memberNodes() {
    List<String> ids = new ArrayList<>();
    for (Member m : hz.getCluster().getMembers()) {
      registry.ofMember(m.getUuid().toString()).stream()
          .filter(NodeInfo::active)
          .map(NodeInfo::nodeId)
          .forEach(ids::add);
    }
    return ids;
  }

  private boolean ownsRecord(String swarmId) {
    Partition partition = hz.getPartitionService().getPartition(swarmId);
    return partition.getOwner() != null && partition.getOwner().localMember();
  }
}
