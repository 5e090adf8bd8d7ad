package io.swarmgrid.tasks.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmgrid.config.TrainingConfig;
import io.swarmgrid.ml.learning.AggregationRule;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrainingJobSpecTest {
  @Test
  void everyConfigRule_isAnAggregationRule_andEveryAggregationRuleHasAConfigName() {
    assertThat(TrainingConfig.RULES.stream().map(TrainingJobSpec::rule))
        .containsExactlyInAnyOrder(AggregationRule.values());
    assertThat(Arrays.stream(AggregationRule.values()).map(Enum::name)).hasSize(5);
  }

  @Test
  void builder_withoutConfig_takesTheBundledDefaults() {
    TrainingJobSpec spec = TrainingJobSpec.builder("d", "t").build();
    TrainingJobSpec fromDefaults =
        TrainingJobSpec.builder("d", "t", TrainingConfig.ofDefaults()).build();
    assertThat(spec).isEqualTo(fromDefaults);
    assertThat(spec.rule()).isEqualTo(AggregationRule.MEAN);
    assertThat(spec.rounds()).isEqualTo(10);
    assertThat(spec.outlierFactor()).isEqualTo(2.0);
  }

  @Test
  void builder_takesAMembersDefaults_andTheSpecStillOverridesThem() {
    TrainingConfig member =
        TrainingConfig.custom()
            .rule("trimmed-mean")
            .faulty(2)
            .trimBeta(0.2)
            .reputationWeighted(true)
            .rounds(7)
            .epochs(3)
            .learningRate(0.2)
            .batchSize(64)
            .outlierFactor(0)
            .build();
    TrainingJobSpec spec = TrainingJobSpec.builder("d", "t", member).build();
    assertThat(spec.rule()).isEqualTo(AggregationRule.TRIMMED_MEAN);
    assertThat(spec.faulty()).isEqualTo(2);
    assertThat(spec.trimBeta()).isEqualTo(0.2);
    assertThat(spec.reputationWeighted()).isTrue();
    assertThat(spec.rounds()).isEqualTo(7);
    assertThat(spec.epochs()).isEqualTo(3);
    assertThat(spec.learningRate()).isEqualTo(0.2);
    assertThat(spec.batchSize()).isEqualTo(64);
    assertThat(spec.outlierFactor()).isZero();
    assertThat(TrainingJobSpec.builder("d", "t", member).rounds(2).build().rounds()).isEqualTo(2);
  }

  @Test
  void badValue_isRefused_namingFieldAndValue() {
    assertThatThrownBy(() -> TrainingJobSpec.builder("d", "t").rounds(0))
        .hasMessage("rounds must be in 1..10000, was 0");
    assertThatThrownBy(() -> TrainingJobSpec.builder("d/x", "t"))
        .hasMessage("dataName must be a non-empty name without '/', was 'd/x'");
  }
}
