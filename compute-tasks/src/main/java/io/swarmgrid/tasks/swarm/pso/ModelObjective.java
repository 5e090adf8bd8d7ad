package io.swarmgrid.tasks.swarm.pso;

import io.swarmgrid.ml.learning.FashionMnist;
import io.swarmgrid.ml.learning.LabelledImages;
import io.swarmgrid.ml.learning.ModelShape;
import io.swarmgrid.ml.learning.SoftmaxRegression;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A hyper-parameter search as an objective: a point of the unit cube is decoded into {@link
 * HyperParameters}, a softmax regression (the learning engine's model) is trained with them on the
 * training split, and the value is one minus its accuracy on a held-out validation split. Training
 * is seeded, so a point always scores the same.
 */
public final class ModelObjective implements Objective {
  private final String id;
  private final LabelledImages train;
  private final LabelledImages validation;
  private final SoftmaxRegression model;

  /**
   * An objective named {@code id} training on {@code train} and scoring on {@code validation}.
   *
   * @throws IllegalArgumentException naming a blank id, an empty split or splits of different
   *     shapes
   */
  public ModelObjective(String id, LabelledImages train, LabelledImages validation) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("objective id: '" + id + "' is blank");
    }
    if (train.count() == 0 || validation.count() == 0) {
      throw new IllegalArgumentException(
          "objective "
              + id
              + ": train has "
              + train.count()
              + " images, validation "
              + validation.count()
              + "; both must have some");
    }
    if (train.features() != validation.features()) {
      throw new IllegalArgumentException(
          "objective " + id + ": train and validation images differ in size");
    }
    this.id = id;
    this.train = train;
    this.validation = validation;
    int classes = 1;
    for (int i = 0; i < train.count(); i++) {
      classes = Math.max(classes, train.label(i) + 1);
    }
    this.model = new SoftmaxRegression(new ModelShape(train.features(), classes));
  }

  /**
   * Fashion-MNIST from {@code dir} (e.g. {@link FashionMnist#SAMPLE_PATH}), images pooled to 14×14
   * to keep one evaluation cheap: the first {@code trainCount} training images train, the next
   * {@code validationCount} are held out to score. The test set is not touched.
   */
  public static ModelObjective fashionMnist(Path dir, int trainCount, int validationCount)
      throws IOException {
    LabelledImages all = FashionMnist.load(dir).train();
    if (trainCount < 1 || validationCount < 1 || trainCount + validationCount > all.count()) {
      throw new IllegalArgumentException(
          "trainCount/validationCount: "
              + trainCount
              + "/"
              + validationCount
              + " must be >= 1 and fit the "
              + all.count()
              + " training images");
    }
    LabelledImages pooled = pool(all.slice(0, trainCount + validationCount));
    return new ModelObjective(
        "fashion-mnist",
        pooled.slice(0, trainCount),
        pooled.slice(trainCount, trainCount + validationCount));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public double lower() {
    return 0;
  }

  @Override
  public double upper() {
    return 1;
  }

  @Override
  public double value(double[] x) {
    return 1 - accuracy(x);
  }

  /** The validation accuracy of the model trained with the hyper-parameters at {@code x}. */
  public double accuracy(double[] x) {
    return model.accuracy(train(HyperParameters.at(x)), validation);
  }

  /** The model's parameters trained with {@code h} on the training split. */
  public double[] train(HyperParameters h) {
    return model.train(model.initial(), train, h.sgd());
  }

  /** Images in the training split. */
  public int trainCount() {
    return train.count();
  }

  /** Images in the validation split. */
  public int validationCount() {
    return validation.count();
  }

  /** 2×2 average pooling: a quarter of the features, so a quarter of the training cost. */
  public static LabelledImages pool(LabelledImages in) {
    int rows = in.rows() / 2;
    int cols = in.cols() / 2;
    byte[] out = new byte[in.count() * rows * cols];
    byte[] px = in.pixels();
    int f = in.features();
    for (int i = 0; i < in.count(); i++) {
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          int at = i * f + 2 * r * in.cols() + 2 * c;
          int sum =
              (px[at] & 0xff)
                  + (px[at + 1] & 0xff)
                  + (px[at + in.cols()] & 0xff)
                  + (px[at + in.cols() + 1] & 0xff);
          out[i * rows * cols + r * cols + c] = (byte) (sum / 4);
        }
      }
    }
    return new LabelledImages(in.count(), rows, cols, out, in.labels().clone());
  }
}
