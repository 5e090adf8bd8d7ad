package io.swarmgrid.ml.learning;

import java.util.Arrays;
import java.util.List;

/** Coordinate-wise rules: weighted mean, median, weighted median, trimmed mean. */
final class CoordinateRules {

  private CoordinateRules() {}

  static double[] mean(List<ModelUpdate> updates, double[] mass) {
    int d = updates.get(0).weights().length;
    double[] out = new double[d];
    double total = 0;
    for (double m : mass) {
      total += m;
    }
    for (int i = 0; i < updates.size(); i++) {
      double[] w = updates.get(i).weights();
      double share = mass[i] / total;
      for (int j = 0; j < d; j++) {
        out[j] += share * w[j];
      }
    }
    return out;
  }

  static double[] median(List<ModelUpdate> updates) {
    int n = updates.size();
    int d = updates.get(0).weights().length;
    double[] out = new double[d];
    double[] column = new double[n];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < n; i++) {
        column[i] = updates.get(i).weights()[j];
      }
      Arrays.sort(column);
      out[j] = n % 2 == 1 ? column[n / 2] : (column[n / 2 - 1] + column[n / 2]) / 2;
    }
    return out;
  }

  /** The smallest value whose cumulative mass reaches half the total. */
  static double[] weightedMedian(List<ModelUpdate> updates, double[] mass) {
    int n = updates.size();
    int d = updates.get(0).weights().length;
    double total = Arrays.stream(mass).sum();
    double[] out = new double[d];
    Integer[] order = new Integer[n];
    for (int j = 0; j < d; j++) {
      final int col = j;
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order,
          (a, b) -> Double.compare(updates.get(a).weights()[col], updates.get(b).weights()[col]));
      double acc = 0;
      for (int k = 0; k < n; k++) {
        acc += mass[order[k]];
        if (acc >= total / 2) {
          out[j] = updates.get(order[k]).weights()[j];
          break;
        }
      }
    }
    return out;
  }

  /** Drops {@code k} values at each end of every coordinate; averages the rest by mass. */
  static double[] trimmedMean(List<ModelUpdate> updates, double[] mass, int k) {
    int n = updates.size();
    int d = updates.get(0).weights().length;
    double[] out = new double[d];
    Integer[] order = new Integer[n];
    for (int j = 0; j < d; j++) {
      final int col = j;
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order,
          (a, b) -> Double.compare(updates.get(a).weights()[col], updates.get(b).weights()[col]));
      double sum = 0;
      double weight = 0;
      for (int r = k; r < n - k; r++) {
        sum += mass[order[r]] * updates.get(order[r]).weights()[j];
        weight += mass[order[r]];
      }
      out[j] = sum / weight;
    }
    return out;
  }
}
