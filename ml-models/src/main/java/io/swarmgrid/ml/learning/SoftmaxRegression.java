package io.swarmgrid.ml.learning;

import java.util.Random;

/**
 * Multinomial logistic regression trained by minibatch SGD on cross-entropy, over a flat parameter
 * vector (see {@link ModelShape}). Kept here rather than in Tribuo because robust aggregation needs
 * the weights as one plain vector to take medians, trim and measure distances, and Tribuo's linear
 * models keep theirs behind its own tensor types.
 */
public final class SoftmaxRegression {

  private final ModelShape shape;

  /** A model of {@code shape}. */
  public SoftmaxRegression(ModelShape shape) {
    this.shape = shape;
  }

  /** The shape. */
  public ModelShape shape() {
    return shape;
  }

  /** A zero model (uniform predictions), the usual starting point. */
  public double[] initial() {
    return new double[shape.size()];
  }

  /** The most likely class of image {@code i}. */
  public int predict(double[] params, LabelledImages data, int i) {
    double[] z = logits(params, data, i);
    int best = 0;
    for (int c = 1; c < z.length; c++) {
      if (z[c] > z[best]) {
        best = c;
      }
    }
    return best;
  }

  /** The fraction of {@code data} whose label is predicted, in [0, 1]. */
  public double accuracy(double[] params, LabelledImages data) {
    checkData(data);
    if (data.count() == 0) {
      return 0;
    }
    int right = 0;
    for (int i = 0; i < data.count(); i++) {
      if (predict(params, data, i) == data.label(i)) {
        right++;
      }
    }
    return (double) right / data.count();
  }

  /** Trains from {@code start} (not changed) on all of {@code data}; returns the new parameters. */
  public double[] train(double[] start, LabelledImages data, SgdOptions options) {
    shape.check("start model", start);
    checkData(data);
    double[] w = start.clone();
    int n = data.count();
    if (n == 0) {
      return w;
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(options.seed());
    double[] grad = new double[w.length];
    double[] p = new double[shape.classes()];
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      shuffle(order, random);
      for (int from = 0; from < n; from += options.batchSize()) {
        int to = Math.min(n, from + options.batchSize());
        java.util.Arrays.fill(grad, 0);
        for (int k = from; k < to; k++) {
          accumulate(
              w, data, order[k], options.labelMap().applyAsInt(data.label(order[k])), grad, p);
        }
        double step = options.learningRate() / (to - from);
        for (int j = 0; j < w.length; j++) {
          w[j] -= step * grad[j];
        }
      }
    }
    return w;
  }

  private void accumulate(
      double[] w, LabelledImages data, int i, int label, double[] grad, double[] p) {
    double[] z = logits(w, data, i);
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int c = 0; c < z.length; c++) {
      p[c] = Math.exp(z[c] - max);
      sum += p[c];
    }
    int f = shape.features();
    int base = i * f;
    byte[] px = data.pixels();
    int biasAt = f * shape.classes();
    for (int c = 0; c < z.length; c++) {
      double err = p[c] / sum - (c == label ? 1 : 0);
      int row = c * f;
      for (int j = 0; j < f; j++) {
        int v = px[base + j] & 0xff;
        if (v != 0) {
          grad[row + j] += err * (v / 255.0);
        }
      }
      grad[biasAt + c] += err;
    }
  }

  private double[] logits(double[] w, LabelledImages data, int i) {
    int f = shape.features();
    int classes = shape.classes();
    double[] z = new double[classes];
    int base = i * f;
    byte[] px = data.pixels();
    for (int c = 0; c < classes; c++) {
      double s = w[f * classes + c];
      int row = c * f;
      for (int j = 0; j < f; j++) {
        int v = px[base + j] & 0xff;
        if (v != 0) {
          s += w[row + j] * (v / 255.0);
        }
      }
      z[c] = s;
    }
    return z;
  }

  private void checkData(LabelledImages data) {
    if (data.features() != shape.features()) {
      throw new IllegalArgumentException(
          "data has "
              + data.features()
              + " features per image, the model expects "
              + shape.features());
    }
  }

  private static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
