package io.swarmgrid.ml.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;

class BinaryMetricsTest {

  @Test
  void auc_randomScores_matchesTribuo() {
    Random random = new Random(11);
    int n = 2_000;
    double[] scores = new double[n];
    boolean[] outcomes = new boolean[n];
    for (int i = 0; i < n; i++) {
      outcomes[i] = random.nextBoolean();
      // rounded so that ties occur
      scores[i] = Math.round((random.nextGaussian() + (outcomes[i] ? 0.7 : 0)) * 10) / 10.0;
    }

    assertThat(BinaryMetrics.auc(scores, outcomes))
        .isCloseTo(LabelEvaluationUtil.binaryAUCROC(outcomes, scores), within(1e-9));
  }

  @Test
  void auc_perfectAndSingleClass_edgeCases() {
    assertThat(
            BinaryMetrics.auc(
                new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {false, false, true, true}))
        .isEqualTo(1.0);
    assertThat(BinaryMetrics.auc(new double[] {0.1, 0.9}, new boolean[] {true, true})).isNaN();
  }

  @Test
  void accuracy_countsScoresOnTheRightSideOfTheThreshold() {
    assertThat(
            BinaryMetrics.accuracy(
                new double[] {0.2, 0.6, 0.5, 0.4}, new boolean[] {false, true, false, true}, 0.5))
        .isEqualTo(0.5);
    assertThat(BinaryMetrics.accuracy(new double[0], new boolean[0], 0.5)).isNaN();
  }
}
