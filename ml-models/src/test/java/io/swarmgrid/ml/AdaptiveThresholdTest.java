package io.swarmgrid.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveThresholdTest {

  /** Ten successes scored 0.10..1.00 and ten failures scored 0.05..0.50, of one type. */
  private static List<ScoredOutcome> tenAndTen(String type) {
    List<ScoredOutcome> scored = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      scored.add(new ScoredOutcome(type, i / 10.0, true));
      scored.add(new ScoredOutcome(type, i / 20.0, false));
    }
    return scored;
  }

  @Test
  void learn_keepsMinRecallOfSuccesses_withTheHighestSuchThreshold() {
    AdaptiveThreshold t =
        AdaptiveThreshold.builder().minExamples(20).minRecall(0.8).learn(tenAndTen("a"));

    // 8 of 10 successes must stay approved: the 8th-highest success score is 0.3
    assertThat(t.threshold("a")).isEqualTo(0.3);
    assertThat(t.approve("a", 0.3)).isTrue();
    assertThat(t.approve("a", 0.29)).isFalse();
    // wrong approvals: failures scored >= 0.3 are 0.30, 0.35, ..., 0.50 = 5 of 10
    long wrong =
        tenAndTen("a").stream()
            .filter(s -> !s.success() && t.approve("a", s.predictedSuccess()))
            .count();
    assertThat(wrong).isEqualTo(5);
  }

  @Test
  void learn_fullRecall_usesLowestSuccessScore() {
    AdaptiveThreshold t =
        AdaptiveThreshold.builder().minExamples(20).minRecall(1.0).learn(tenAndTen("a"));

    assertThat(t.threshold("a")).isEqualTo(0.1);
  }

  @Test
  void threshold_tooFewExamplesNoSuccessesOrUnknownType_fallsBackToDefault() {
    List<ScoredOutcome> scored = new ArrayList<>(tenAndTen("enough"));
    scored.addAll(tenAndTen("few").subList(0, 19));
    for (int i = 0; i < 30; i++) {
      scored.add(new ScoredOutcome("never-succeeds", i / 30.0, false));
    }

    AdaptiveThreshold t =
        AdaptiveThreshold.builder().minExamples(20).defaultThreshold(0.6).learn(scored);

    assertThat(t.learnedThresholds()).containsOnlyKeys("enough");
    assertThat(t.threshold("few")).isEqualTo(0.6);
    assertThat(t.threshold("never-succeeds")).isEqualTo(0.6);
    assertThat(t.threshold("unknown")).isEqualTo(0.6);
    assertThat(t.defaultThreshold()).isEqualTo(0.6);
  }

  @Test
  void defaults_areHalfFiftyAndEightyPercent() {
    AdaptiveThreshold t = AdaptiveThreshold.builder().learn(tenAndTen("a"));

    assertThat(t.threshold("a")).isEqualTo(AdaptiveThreshold.DEFAULT_THRESHOLD).isEqualTo(0.5);
    assertThat(AdaptiveThreshold.DEFAULT_MIN_EXAMPLES).isEqualTo(50);
    assertThat(AdaptiveThreshold.fixed(0.7).threshold("anything")).isEqualTo(0.7);
  }

  @Test
  void builder_badValues_areRejectedNamingSettingAndValue() {
    assertThatThrownBy(() -> AdaptiveThreshold.builder().defaultThreshold(1.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("defaultThreshold")
        .hasMessageContaining("1.2");
    assertThatThrownBy(() -> AdaptiveThreshold.builder().minExamples(0))
        .hasMessageContaining("minExamples")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> AdaptiveThreshold.builder().minRecall(0))
        .hasMessageContaining("minRecall");
    assertThatThrownBy(() -> new ScoredOutcome("a", 1.01, true))
        .hasMessageContaining("predictedSuccess")
        .hasMessageContaining("1.01");
    assertThatThrownBy(() -> AdaptiveThreshold.fixed(0.5).approve("a", -0.5))
        .hasMessageContaining("predictedSuccess")
        .hasMessageContaining("-0.5");
  }
}
