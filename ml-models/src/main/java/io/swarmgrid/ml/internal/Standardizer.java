package io.swarmgrid.ml.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Per-column standardisation {@code (x - mean) / std}, fitted on training rows. Rows may be shorter
 * than the fitted width (missing columns are skipped when fitting). A column with (near) zero
 * spread keeps a divisor of 1, so it becomes a constant 0 instead of NaN.
 */
public final class Standardizer {

  private static final double MIN_STD = 1e-9;

  private final double[] means;
  private final double[] stds;

  private Standardizer(double[] means, double[] stds) {
    this.means = means;
    this.stds = stds;
  }

  /** Fits means and standard deviations over the rows that have each column. */
  public static Standardizer fit(List<double[]> rows) {
    int width = 0;
    for (double[] row : rows) {
      width = Math.max(width, row.length);
    }
    double[] sum = new double[width];
    double[] sumSq = new double[width];
    long[] count = new long[width];
    for (double[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        sum[i] += row[i];
        count[i]++;
      }
    }
    double[] means = new double[width];
    for (int i = 0; i < width; i++) {
      means[i] = count[i] == 0 ? 0.0 : sum[i] / count[i];
    }
    for (double[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        double d = row[i] - means[i];
        sumSq[i] += d * d;
      }
    }
    double[] stds = new double[width];
    for (int i = 0; i < width; i++) {
      double std = count[i] < 2 ? 0.0 : Math.sqrt(sumSq[i] / (count[i] - 1));
      stds[i] = std < MIN_STD ? 1.0 : std;
    }
    return new Standardizer(means, stds);
  }

  /** Number of columns fitted. */
  public int width() {
    return means.length;
  }

  /** Standardised value of column {@code column}; columns beyond the fitted width map to 0. */
  public double apply(int column, double value) {
    if (column >= means.length) {
      return 0.0;
    }
    return (value - means[column]) / stds[column];
  }

  /** Fitted mean of a column. */
  public double mean(int column) {
    return means[column];
  }

  public void writeTo(DataOutputStream out) throws IOException {
    out.writeInt(means.length);
    for (int i = 0; i < means.length; i++) {
      out.writeDouble(means[i]);
      out.writeDouble(stds[i]);
    }
  }

  public static Standardizer readFrom(DataInputStream in, int maxWidth) throws IOException {
    int width = in.readInt();
    if (width < 0 || width > maxWidth) {
      throw new IOException("scaler width " + width + " outside [0, " + maxWidth + "]");
    }
    double[] means = new double[width];
    double[] stds = new double[width];
    for (int i = 0; i < width; i++) {
      means[i] = in.readDouble();
      stds[i] = in.readDouble();
      if (!Double.isFinite(means[i]) || !(stds[i] > 0.0) || !Double.isFinite(stds[i])) {
        throw new IOException("scaler column " + i + " has mean " + means[i] + " std " + stds[i]);
      }
    }
    return new Standardizer(means, stds);
  }

  @Override
  public String toString() {
    return "Standardizer{means=" + Arrays.toString(means) + ", stds=" + Arrays.toString(stds) + "}";
  }
}
