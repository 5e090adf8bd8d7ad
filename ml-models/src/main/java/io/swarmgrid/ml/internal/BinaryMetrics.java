package io.swarmgrid.ml.internal;

import java.util.Arrays;
import java.util.Comparator;

/** Accuracy and ROC AUC of probability scores against boolean outcomes. */
public final class BinaryMetrics {

  private BinaryMetrics() {}

  /** Share of examples where {@code score >= threshold} equals the outcome; NaN when empty. */
  public static double accuracy(double[] scores, boolean[] outcomes, double threshold) {
    if (scores.length == 0) {
      return Double.NaN;
    }
    int right = 0;
    for (int i = 0; i < scores.length; i++) {
      if ((scores[i] >= threshold) == outcomes[i]) {
        right++;
      }
    }
    return (double) right / scores.length;
  }

  /**
   * Area under the ROC curve by the rank-sum (Mann-Whitney) formula, ties counted as one half; NaN
   * when either class is absent.
   */
  public static double auc(double[] scores, boolean[] outcomes) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double positiveRankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1.0; // ranks are 1-based
      for (int k = i; k <= j; k++) {
        if (outcomes[order[k]]) {
          positiveRankSum += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
