package io.swarmgrid.plugin.consensus;

import static io.swarmgrid.plugin.consensus.ConsensusTestSupport.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.config.ConsensusConfig;
import io.swarmgrid.config.LearningConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.consensus.ConsensusTestSupport.Voter;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.model.ModelRecord;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The learned threshold on a synthetic workload with a hidden rule for success: over-optimistic
 * voters approve most proposals; the model, trained on reported outcomes, learns which feature
 * vectors succeed and vetoes approvals it predicts will fail. Seeded, so it repeats.
 */
class ConsensusLearningTest {
  // Simple majority, so that five full-confidence votes always decide one way or the other.
  private static final ConsensusConfig CONFIG =
      ConsensusConfig.custom()
          .quorumFraction(0.5)
          .learning(LearningConfig.custom().retrainSeconds(86_400).build())
          .build();

  @RegisterExtension static final EmbeddedCluster cluster = ConsensusTestSupport.cluster(3, CONFIG);

  /** The hidden rule: success depends on the features in a way the voters do not see. */
  private static boolean succeeds(double[] x, Random noise) {
    return 0.8 * x[0] - 0.5 * x[1] + 0.1 * noise.nextGaussian() > 0.15;
  }

  /**
   * Runs one proposal to its decision; voters approve with 85% probability whatever the features.
   */
  private static Decision round(
      ConsensusEngine engine, List<Voter> voters, double[] x, Random random) throws Exception {
    Proposal p =
        engine.propose(
            ProposalRequest.builder(voters.get(0).id(), DecisionType.MODEL_UPDATE)
                .electorate(ids(voters))
                .features(x)
                .confidence(0.8)
                .deadlineIn(Duration.ofSeconds(30))
                .build());
    var decision = engine.awaitDecision(p.id());
    for (Voter v : voters) {
      int choice = random.nextDouble() < 0.85 ? Proposal.APPROVE : Proposal.REJECT;
      if (!engine.submit(v.vote(p.id(), choice, 1.0)).counted()) {
        break;
      }
    }
    return decision.get(30, TimeUnit.SECONDS);
  }

  private static boolean quorumApproved(Decision d) {
    return d.end() == DecisionEnd.QUORUM || d.note().startsWith("vetoed by the learned model");
  }

  @Test
  void learnedThreshold_makesFewerWrongApprovals_thanTheFixedQuorum() throws Exception {
    ConsensusEngine engine =
        SwarmGrid.service(cluster.member(0), ConsensusEngine.class).orElseThrow();
    List<Voter> voters = ConsensusTestSupport.voters(cluster.member(0), "l", 5);
    Random random = new Random(42);
    Random noise = new Random(7);

    for (int i = 0; i < 300; i++) {
      double[] x = {random.nextDouble(), random.nextDouble()};
      Decision d = round(engine, voters, x, random);
      if (d.end() != DecisionEnd.DEADLINE_PASSED) {
        engine.reportOutcome(d.proposalId(), succeeds(x, noise));
      }
    }
    ModelRecord model = engine.retrain().orElseThrow();
    assertThat(model.trainingExamples()).isGreaterThanOrEqualTo(200);
    // Every member commits decisions, so every member must have loaded the stored model.
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cluster.members().stream()
                    .allMatch(
                        m ->
                            SwarmGrid.service(m, ConsensusEngine.class)
                                    .flatMap(ConsensusEngine::model)
                                    .map(ModelRecord::version)
                                    .orElse(0L)
                                == model.version()));

    int fixedWrong = 0;
    int learnedWrong = 0;
    int fixedRight = 0;
    int learnedRight = 0;
    int successes = 0;
    for (int i = 0; i < 200; i++) {
      double[] x = {random.nextDouble(), random.nextDouble()};
      boolean success = succeeds(x, noise);
      Decision d = round(engine, voters, x, random);
      successes += success ? 1 : 0;
      if (quorumApproved(d)) {
        if (success) {
          fixedRight++;
        } else {
          fixedWrong++;
        }
      }
      if (d.approved()) {
        assertThat(d.predictedSuccess()).isGreaterThanOrEqualTo(d.threshold());
        if (success) {
          learnedRight++;
        } else {
          learnedWrong++;
        }
      }
    }
    System.out.printf(
        "LEARNING model v%d: held-out accuracy %.3f, AUC %.3f, %d examples, threshold %.3f | fresh 200:"
            + " %d successes; fixed quorum: %d wrong approvals, %d right; learned threshold: %d wrong, %d right%n",
        model.version(),
        model.accuracy(),
        model.auc(),
        model.trainingExamples(),
        model.threshold("MODEL_UPDATE"),
        successes,
        fixedWrong,
        fixedRight,
        learnedWrong,
        learnedRight);
    assertThat(model.auc()).isGreaterThan(0.75);
    assertThat(learnedWrong).isLessThan(fixedWrong / 2);
    assertThat(learnedRight).isGreaterThan(fixedRight / 2);
  }
}
