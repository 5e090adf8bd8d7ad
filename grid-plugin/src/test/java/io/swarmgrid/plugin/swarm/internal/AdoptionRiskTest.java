package io.swarmgrid.plugin.swarm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.ml.DecisionExample;
import io.swarmgrid.ml.DecisionOutcomeModel;
import io.swarmgrid.ml.ModelBytes;
import io.swarmgrid.storage.model.ModelRecord;
import io.swarmgrid.tasks.swarm.pso.AdoptionRisk;
import io.swarmgrid.tasks.swarm.pso.Objectives;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The adoption's risk is the consensus engine's learned outcome model read through its record (what
 * {@code ConsensusEngine.model()} hands out), seeded: adoptions of poor bests went wrong in the
 * examples, so a poor best is the riskier proposal.
 */
class AdoptionRiskTest {
  @Test
  void withoutAModel_theRiskIsUnassessed() {
    AdoptionRisk r = new AdoptionPlanner(null, new Objectives()).assess(Optional.empty(), 3, 1, 1);
    assertThat(r.assessed()).isFalse();
    assertThat(r.risk()).isNaN();
    assertThat(r.gated()).isFalse();
  }

  @Test
  void theLearnedModel_givesAPoorBestTheHigherRisk() {
    SplittableRandom rng = new SplittableRandom(16);
    List<DecisionExample> examples = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double best = rng.nextDouble();
      double spent = rng.nextDouble();
      boolean success = best < 0.4 || rng.nextDouble() < 0.05;
      examples.add(
          new DecisionExample(
              "SWARM_ACTION", 5, 1.0, new double[] {best, spent}, 1.0, 1.0, 3, success));
    }
    DecisionOutcomeModel model = DecisionOutcomeModel.train(examples);
    byte[] bytes = model.toBytes();
    ModelRecord record =
        new ModelRecord(
            "consensus-outcome",
            4,
            bytes,
            ModelBytes.sha256Hex(bytes),
            0,
            0.9,
            0.9,
            300,
            100,
            List.of("SWARM_ACTION"),
            new double[] {0.3},
            0.5);
    AdoptionPlanner planner = new AdoptionPlanner(null, new Objectives());
    AdoptionRisk good = planner.assess(Optional.of(record), 3, 0.1, 0.5);
    AdoptionRisk poor = planner.assess(Optional.of(record), 3, 0.9, 0.5);
    assertThat(good.assessed()).isTrue();
    assertThat(good.modelVersion()).isEqualTo(4);
    assertThat(good.threshold()).isEqualTo(0.3);
    assertThat(good.risk()).isEqualTo(1 - good.predictedSuccess());
    assertThat(poor.risk()).as("poor %s vs good %s", poor, good).isGreaterThan(good.risk());
  }
}
