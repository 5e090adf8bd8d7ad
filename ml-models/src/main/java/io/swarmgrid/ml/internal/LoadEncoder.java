package io.swarmgrid.ml.internal;

import io.swarmgrid.ml.LoadFeatures;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.Regressor;

/**
 * Turns {@link LoadFeatures} into standardised Tribuo features for a linear regression of {@code
 * log(1 + completion ms)}. Working in logs makes multiplicative effects (a loaded node slows every
 * task by a factor) additive, so a linear model can fit them; the features are logs and ratios of
 * the raw inputs (load per core, memory pressure, ...).
 */
public final class LoadEncoder {

  /** Name of the regression output dimension. */
  public static final String TARGET = "logMillis";

  private static final String[] NAMES = {
    "logEstimate",
    "logCores",
    "logActive",
    "logActivePerCore",
    "logDemandPerCore",
    "cpuShare",
    "freeMemory",
    "memoryPressure",
    "memoryShortfall",
    "reputation",
    "priority"
  };

  /** Largest log(1 + ms) a prediction may reach (about 2.3 days), so exp never overflows. */
  private static final double MAX_LOG_MILLIS = Math.log1p(2e8);

  private final Standardizer scaler;
  private final double targetMean;

  private LoadEncoder(Standardizer scaler, double targetMean) {
    this.scaler = scaler;
    this.targetMean = targetMean;
  }

  /** Fits the scaling on training features and the mean of their {@code log(1 + ms)} targets. */
  public static LoadEncoder fit(List<LoadFeatures> features, double[] observedMillis) {
    List<double[]> rows = new ArrayList<>(features.size());
    for (LoadFeatures f : features) {
      rows.add(rawRow(f));
    }
    double sum = 0;
    for (double ms : observedMillis) {
      sum += Math.log1p(ms);
    }
    double targetMean = observedMillis.length == 0 ? 0 : sum / observedMillis.length;
    return new LoadEncoder(Standardizer.fit(rows), targetMean);
  }

  /** Training example with the centred log target. */
  public ArrayExample<Regressor> encode(LoadFeatures f, double observedMillis) {
    return encode(f, new Regressor(TARGET, Math.log1p(observedMillis) - targetMean));
  }

  /** Example carrying the given output (the unknown regressor for prediction). */
  public ArrayExample<Regressor> encode(LoadFeatures f, Regressor output) {
    double[] raw = rawRow(f);
    double[] values = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      values[i] = scaler.apply(i, raw[i]);
    }
    return new ArrayExample<>(output, NAMES.clone(), values);
  }

  /** Completion time in ms from the model's centred log output. */
  public double toMillis(double modelOutput) {
    double log = modelOutput + targetMean;
    if (!Double.isFinite(log)) {
      log = targetMean;
    }
    return Math.expm1(Math.min(MAX_LOG_MILLIS, Math.max(0.0, log)));
  }

  public void writeTo(DataOutputStream out) throws IOException {
    scaler.writeTo(out);
    out.writeDouble(targetMean);
  }

  public static LoadEncoder readFrom(DataInputStream in) throws IOException {
    Standardizer scaler = Standardizer.readFrom(in, NAMES.length);
    if (scaler.width() != NAMES.length) {
      throw new IOException(
          "load scaler has " + scaler.width() + " columns, expected " + NAMES.length);
    }
    double targetMean = in.readDouble();
    if (!Double.isFinite(targetMean)) {
      throw new IOException("load target mean " + targetMean);
    }
    return new LoadEncoder(scaler, targetMean);
  }

  private static double[] rawRow(LoadFeatures f) {
    double cores = f.cpuCores();
    double free = f.freeMemoryFraction();
    return new double[] {
      Math.log1p(f.estimatedDurationMs()),
      Math.log(cores),
      Math.log1p(f.activeTasks()),
      Math.log1p(f.activeTasks() / cores),
      Math.log1p((f.activeTasks() + f.cpuRequirement()) / cores),
      f.cpuRequirement() / cores,
      free,
      Math.min(10.0, f.memoryRequirement() / Math.max(free, 0.01)),
      Math.max(0.0, f.memoryRequirement() - free),
      f.reputation(),
      f.priority()
    };
  }
}
