package io.swarmgrid.ml.learning;

/**
 * The shape of a multinomial logistic regression: a {@code classes x features} weight matrix
 * (row-major, one row per class) followed by {@code classes} biases, as one flat vector.
 */
public record ModelShape(int features, int classes) {

  /** Fashion-MNIST: 784 pixels, 10 classes, 7,850 parameters. */
  public static final ModelShape FASHION_MNIST = new ModelShape(784, 10);

  /** Checks both sizes are positive. */
  public ModelShape {
    if (features <= 0 || classes < 2) {
      throw new IllegalArgumentException(
          "features must be > 0 and classes >= 2, was " + features + " and " + classes);
    }
  }

  /** Length of the flat parameter vector. */
  public int size() {
    return features * classes + classes;
  }

  /** Checks a parameter vector: its length and that every value is finite. */
  public void check(String what, double[] params) {
    if (params == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    if (params.length != size()) {
      throw new IllegalArgumentException(
          what
              + " has "
              + params.length
              + " parameters, the model has "
              + size()
              + " ("
              + classes
              + " x "
              + features
              + " + "
              + classes
              + ")");
    }
    for (int i = 0; i < params.length; i++) {
      if (!Double.isFinite(params[i])) {
        throw new IllegalArgumentException(what + " parameter " + i + " is " + params[i]);
      }
    }
  }
}
