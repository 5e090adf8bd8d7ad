package io.swarmgrid.ml.internal;

import io.swarmgrid.ml.DecisionFeatures;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * Turns {@link DecisionFeatures} into Tribuo features for a linear model. Numeric inputs are
 * standardised with statistics of the training set; then each is also crossed with the decision
 * type ({@code t:<type>|<name>}), next to a type indicator ({@code t:<type>}), so that one logistic
 * regression learns a shared rule plus a per-type correction (weights and base rate). A type unseen
 * in training gets the shared rule only.
 */
public final class DecisionEncoder {

  private static final String[] BASE_NAMES = {
    "priority", "proposerConfidence", "approveWeightFraction", "meanVoterConfidence", "logVoteCount"
  };
  private static final int MAX_WIDTH = BASE_NAMES.length + DecisionFeatures.MAX_FEATURES;

  private final Standardizer scaler;
  private final String[] names;

  private DecisionEncoder(Standardizer scaler) {
    this.scaler = scaler;
    this.names = new String[scaler.width()];
    for (int i = 0; i < names.length; i++) {
      names[i] = i < BASE_NAMES.length ? BASE_NAMES[i] : "f" + (i - BASE_NAMES.length);
    }
  }

  /** Fits the scaling on the training proposals. */
  public static DecisionEncoder fit(List<DecisionFeatures> training) {
    List<double[]> rows = new ArrayList<>(training.size());
    for (DecisionFeatures f : training) {
      rows.add(rawRow(f));
    }
    return new DecisionEncoder(Standardizer.fit(rows));
  }

  /** Tribuo example for one proposal; {@code output} is its label, or the unknown label. */
  public ArrayExample<Label> encode(DecisionFeatures f, Label output) {
    double[] raw = rawRow(f);
    int width = Math.min(raw.length, names.length);
    String[] featureNames = new String[2 * width + 1];
    double[] values = new double[2 * width + 1];
    String prefix = "t:" + f.decisionType();
    featureNames[0] = prefix;
    values[0] = 1.0;
    for (int i = 0; i < width; i++) {
      double scaled = scaler.apply(i, raw[i]);
      featureNames[1 + 2 * i] = names[i];
      values[1 + 2 * i] = scaled;
      featureNames[2 + 2 * i] = prefix + "|" + names[i];
      values[2 + 2 * i] = scaled;
    }
    return new ArrayExample<>(output, featureNames, values);
  }

  public void writeTo(DataOutputStream out) throws IOException {
    scaler.writeTo(out);
  }

  public static DecisionEncoder readFrom(DataInputStream in) throws IOException {
    return new DecisionEncoder(Standardizer.readFrom(in, MAX_WIDTH));
  }

  private static double[] rawRow(DecisionFeatures f) {
    double[] features = f.features();
    double[] row = new double[BASE_NAMES.length + features.length];
    row[0] = f.priority();
    row[1] = f.proposerConfidence();
    row[2] = f.approveWeightFraction();
    row[3] = f.meanVoterConfidence();
    row[4] = Math.log1p(f.voteCount());
    System.arraycopy(features, 0, row, BASE_NAMES.length, features.length);
    return row;
  }
}
