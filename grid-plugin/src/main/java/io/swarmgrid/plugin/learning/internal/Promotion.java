package io.swarmgrid.plugin.learning.internal;

import com.hazelcast.cluster.Member;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.plugin.consensus.ConsensusEngine;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Adopts a round's aggregate as the job's next model version by a consensus decision: a {@code
 * MODEL_UPDATE} proposal whose features are the candidate's held-out accuracy, the current model's,
 * and the aggregation report (accepted, rejected, outlying updates); every member node that runs
 * learning and consensus votes on it (see {@link PromotionVote}). Uses only the consensus engine's
 * public API. Without a consensus engine on this member, the same rule is applied here alone.
 */
final class Promotion {
  private final LearningContext ctx;

  Promotion(LearningContext ctx) {
    this.ctx = ctx;
  }

  /** Whether the candidate was adopted, and the proposal that decided it ("" without consensus). */
  record Verdict(boolean promoted, String proposalId) {}

  Verdict decide(
      String jobId, int round, int attempt, double candidate, double current, double[] report) {
    Optional<ConsensusEngine> consensus = SwarmServices.find(ctx.hz(), ConsensusEngine.class);
    List<String> electorate =
        ctx.registry().active().stream()
            .filter(n -> n.engines().contains(EngineKind.LEARNING.key()))
            .filter(n -> n.engines().contains(EngineKind.CONSENSUS.key()))
            // a quarantined node has no vote weight; asking it would only wait for its refusal
            .filter(n -> !ctx.reputations().isQuarantined(n.nodeId()))
            .map(n -> n.nodeId())
            .toList();
    long window = ctx.config().voteWindowMillis();
    if (consensus.isEmpty() || electorate.isEmpty()) {
      return new Verdict(PromotionVote.approves(ctx, candidate, current), "");
    }
    String id = "learning-" + jobId + "-" + round + "-" + attempt;
    double[] features = new double[report.length + 2];
    features[0] = candidate;
    features[1] = current;
    System.arraycopy(report, 0, features, 2, report.length);
    try {
      consensus
          .get()
          .propose(
              ProposalRequest.builder(ctx.node().nodeId(), DecisionType.MODEL_UPDATE)
                  .id(id)
                  .features(features)
                  .deadline(System.currentTimeMillis() + window)
                  .electorate(electorate)
                  .build());
      Map<Member, Future<Boolean>> votes =
          ctx.executor().submitToAllMembers(new PromotionVote(id, candidate, current));
      for (Future<Boolean> v : votes.values()) {
        v.get(window, TimeUnit.MILLISECONDS);
      }
      Decision d = consensus.get().awaitDecision(id).get(2 * window, TimeUnit.MILLISECONDS);
      return new Verdict(d.outcome() == 0, id);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryRound("interrupted while deciding promotion " + id, e);
    } catch (Exception e) {
      throw new RetryRound("promotion " + id + " was not decided: " + e, e);
    }
  }
}
