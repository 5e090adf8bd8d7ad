package io.swarmgrid.ml.learning;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Krum scores: for each update, the sum of squared distances to its n - f - 2 nearest others. */
final class KrumScores {

  private KrumScores() {}

  /** Indices of the {@code m} lowest-scored updates, best first (ties by index). */
  static int[] best(List<ModelUpdate> updates, int f, int m) {
    int n = updates.size();
    double[][] dist = new double[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        dist[a][b] =
            dist[b][a] = squaredDistance(updates.get(a).weights(), updates.get(b).weights());
      }
    }
    int neighbours = Math.max(1, n - f - 2);
    double[] score = new double[n];
    for (int a = 0; a < n; a++) {
      double[] others = new double[n - 1];
      int k = 0;
      for (int b = 0; b < n; b++) {
        if (b != a) {
          others[k++] = dist[a][b];
        }
      }
      Arrays.sort(others);
      for (int r = 0; r < Math.min(neighbours, others.length); r++) {
        score[a] += others[r];
      }
    }
    return IntStream.range(0, n)
        .boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> score[i]).thenComparingInt(i -> i))
        .limit(m)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double d = a[j] - b[j];
      s += d * d;
    }
    return s;
  }
}
