package io.swarmgrid.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.Regressor;

class ModelBytesTest {

  private static final LabelFactory LABELS = new LabelFactory();
  private static Model<Label> model;
  private static List<Example<Label>> probes;

  @BeforeAll
  static void trainSmallModel() {
    Random random = new Random(7);
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("test", LABELS), LABELS);
    for (int i = 0; i < 300; i++) {
      data.add(example(random));
    }
    model = new LogisticRegressionTrainer().train(data);
    probes = List.of(example(random), example(random), example(random), example(random));
  }

  private static Example<Label> example(Random random) {
    double a = random.nextGaussian();
    double b = random.nextGaussian();
    Label label = new Label(a - 0.5 * b > 0 ? "yes" : "no");
    return new ArrayExample<>(label, new String[] {"a", "b"}, new double[] {a, b});
  }

  @Test
  void fromBytes_ofToBytes_predictsTheSame() {
    byte[] bytes = ModelBytes.toBytes(model);

    Model<Label> back = ModelBytes.fromBytes(bytes, Label.class);

    assertThat(back.getClass()).isEqualTo(model.getClass());
    for (Example<Label> probe : probes) {
      Prediction<Label> expected = model.predict(probe);
      Prediction<Label> actual = back.predict(probe);
      assertThat(actual.getOutput().getLabel()).isEqualTo(expected.getOutput().getLabel());
      assertThat(actual.getOutputScores().get("yes").getScore())
          .isEqualTo(expected.getOutputScores().get("yes").getScore());
    }
    assertThat(ModelBytes.toBytes(back)).isEqualTo(bytes);
  }

  @Test
  void sha256Hex_knownVector_matches() {
    assertThat(ModelBytes.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    byte[] bytes = ModelBytes.toBytes(model);
    assertThat(ModelBytes.sha256Hex(bytes))
        .hasSize(64)
        .isEqualTo(ModelBytes.sha256Hex(bytes.clone()));
  }

  @Test
  void fromBytes_garbage_isRejectedWithIllegalArgument() {
    byte[] random = new byte[512];
    new Random(3).nextBytes(random);
    byte[] truncated = Arrays.copyOf(ModelBytes.toBytes(model), 100);

    for (byte[] garbage :
        List.of(random, new byte[0], truncated, "not a model".getBytes(StandardCharsets.UTF_8))) {
      assertThatThrownBy(() -> ModelBytes.fromBytes(garbage))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a Tribuo model");
    }
    assertThatThrownBy(() -> ModelBytes.fromBytes(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bytes");
  }

  @Test
  void fromBytes_nonTribuoClassName_isRejectedBeforeLoading() {
    byte[] forged =
        ModelProto.newBuilder(model.serialize())
            .setClassName("java.lang.ProcessBuilder")
            .build()
            .toByteArray();

    assertThatThrownBy(() -> ModelBytes.fromBytes(forged))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.ProcessBuilder")
        .hasMessageContaining("org.tribuo.");
  }

  @Test
  void fromBytes_wrongOutputType_isRejected() {
    byte[] bytes = ModelBytes.toBytes(model);

    assertThatThrownBy(() -> ModelBytes.fromBytes(bytes, Regressor.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Regressor.class.getName());
  }
}
