package io.swarmgrid.ml.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {

  static FashionMnist.Split data;
  final SoftmaxRegression model = new SoftmaxRegression(ModelShape.FASHION_MNIST);

  @BeforeAll
  static void load() throws IOException {
    data = FashionMnist.load(IdxReaderTest.SAMPLE);
  }

  @Test
  void train_onSubset_reachesOverEightyPercent() {
    double[] w = model.train(model.initial(), data.train(), SgdOptions.ofDefaults());
    // the published logistic-regression figure is 0.84 on the full set; 10k images give a bit less
    assertThat(model.accuracy(w, data.test())).isGreaterThan(0.80);
  }

  @Test
  void train_sameSeed_sameModel_andStartIsNotChanged() {
    double[] start = model.initial();
    LabelledImages small = data.train().slice(0, 500);
    double[] a = model.train(start, small, SgdOptions.ofDefaults().withEpochs(1));
    double[] b = model.train(start, small, SgdOptions.ofDefaults().withEpochs(1));
    assertThat(a).isEqualTo(b);
    assertThat(start).containsOnly(0.0);
  }

  @Test
  void train_flippedLabels_predictsTheFlippedClass() {
    LabelledImages small = data.train().slice(0, 2000);
    double[] w =
        model.train(model.initial(), small, SgdOptions.ofDefaults().withLabelMap(y -> 9 - y));
    int flipped = 0;
    for (int i = 0; i < 200; i++) {
      if (model.predict(w, data.test(), i) == 9 - data.test().label(i)) {
        flipped++;
      }
    }
    assertThat(flipped).isGreaterThan(140);
  }

  @Test
  void train_wrongShapeOrNaN_namesTheProblem() {
    assertThatThrownBy(() -> model.train(new double[10], data.test(), SgdOptions.ofDefaults()))
        .hasMessageContaining("has 10 parameters, the model has 7850");
    double[] nan = model.initial();
    nan[3] = Double.NaN;
    assertThatThrownBy(() -> model.train(nan, data.test(), SgdOptions.ofDefaults()))
        .hasMessageContaining("parameter 3 is NaN");
    assertThatThrownBy(() -> new SgdOptions(0, 0.1, 32, 1, y -> y))
        .hasMessageContaining("epochs must be >= 1, was 0");
  }
}
