package io.swarmgrid.ml;

import io.swarmgrid.ml.internal.Envelope;
import io.swarmgrid.ml.internal.LoadEncoder;
import io.swarmgrid.ml.internal.ModelChecks;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Predicts a task's completion time on a node, for the predictive load-balancing strategy: a linear
 * regression (Tribuo {@code LinearSGDTrainer}, squared loss, AdaGrad) of {@code log(1 + ms)} on
 * logs and ratios of the node's load and the task's demands.
 *
 * <p>Samples of finished tasks go into a bounded window ({@link Builder#windowCapacity(int)}; the
 * oldest is dropped when full). {@link #onlineUpdate(LoadSample)} retrains from the window once it
 * holds {@link Builder#minSamples(int) minSamples} and then after every {@link
 * Builder#retrainEvery(int) retrainEvery} new samples. Each retrain first trains on the older
 * {@code 1 - holdOutFraction} of the window and measures {@link LoadMetrics} on the newest rest,
 * then refits on the whole window, so the model in use has seen the newest samples and its error is
 * that measured estimate.
 *
 * <p>Thread-safe: predictions read the current model without locking; updates and retrains are
 * serialised. A retrain runs in the thread that calls {@code onlineUpdate} or {@code retrain}.
 *
 * <p>Over 300 lines on purpose: the model, its sample window and retrain schedule, its byte form
 * and its builder make one value, and splitting them would expose the model's internals.
 */
public final class LoadPredictor {

  /** Default most samples kept: 10,000. */
  public static final int DEFAULT_WINDOW_CAPACITY = 10_000;

  /** Default new samples between automatic retrains: 500. */
  public static final int DEFAULT_RETRAIN_EVERY = 500;

  /** Default fewest samples before the first training: 50. */
  public static final int DEFAULT_MIN_SAMPLES = 50;

  /** Default share of the newest samples held out for metrics: 0.2. */
  public static final double DEFAULT_HOLD_OUT_FRACTION = 0.2;

  /** Default SGD passes per training: 10. */
  public static final int DEFAULT_EPOCHS = 10;

  /** Default AdaGrad learning rate: 0.1. */
  public static final double DEFAULT_LEARNING_RATE = 0.1;

  /** Default random seed: 42. */
  public static final long DEFAULT_SEED = 42L;

  private static final RegressionFactory REGRESSION = new RegressionFactory();

  /** A trained model with the scaling it expects and its measured error. */
  private record Trained(Model<Regressor> model, LoadEncoder encoder, LoadMetrics metrics) {}

  private final int windowCapacity;
  private final int retrainEvery;
  private final int minSamples;
  private final double holdOutFraction;
  private final int epochs;
  private final double learningRate;
  private final long seed;
  private final Clock clock;

  private final Object windowLock = new Object();
  private final ArrayDeque<LoadSample> window = new ArrayDeque<>();
  private int sinceRetrain;
  private final Object trainLock = new Object();
  private volatile Trained trained;

  private LoadPredictor(Builder b, Trained initial) {
    this.windowCapacity = b.windowCapacity;
    this.retrainEvery = b.retrainEvery;
    this.minSamples = b.minSamples;
    this.holdOutFraction = b.holdOutFraction;
    this.epochs = b.epochs;
    this.learningRate = b.learningRate;
    this.seed = b.seed;
    this.clock = b.clock;
    this.trained = initial;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adds a finished task to the window and retrains if one is due (see the class description).
   *
   * @return whether this call retrained the model
   */
  public boolean onlineUpdate(LoadSample sample) {
    ModelChecks.notNull("sample", sample);
    boolean due;
    synchronized (windowLock) {
      if (window.size() == windowCapacity) {
        window.removeFirst();
      }
      window.addLast(sample);
      sinceRetrain++;
      due = trained == null ? window.size() >= minSamples : sinceRetrain >= retrainEvery;
    }
    return due && retrain().isPresent();
  }

  /**
   * Retrains from the current window now.
   *
   * @return the measured error, or empty if the window holds fewer than the minimum samples
   */
  public Optional<LoadMetrics> retrain() {
    synchronized (trainLock) {
      List<LoadSample> samples;
      synchronized (windowLock) {
        if (window.size() < minSamples) {
          return Optional.empty();
        }
        samples = new ArrayList<>(window);
        sinceRetrain = 0;
      }
      int heldOut = Math.max(1, (int) Math.round(samples.size() * holdOutFraction));
      int trainCount = samples.size() - heldOut;
      List<LoadSample> older = samples.subList(0, trainCount);
      List<LoadSample> newest = samples.subList(trainCount, samples.size());

      Trained evaluated = fit(older, null);
      double trainingMean =
          older.stream().mapToDouble(LoadSample::observedMillis).average().orElse(0);
      double error = 0;
      double baselineError = 0;
      for (LoadSample s : newest) {
        error += Math.abs(predict(evaluated, s.features()) - s.observedMillis());
        baselineError += Math.abs(trainingMean - s.observedMillis());
      }
      LoadMetrics metrics =
          new LoadMetrics(
              error / heldOut, baselineError / heldOut, trainCount, heldOut, clock.instant());
      trained = fit(samples, metrics);
      return Optional.of(metrics);
    }
  }

  /**
   * Predicted completion time in ms of the task on the node. Before the first training it returns
   * the task's own {@link LoadFeatures#estimatedDurationMs() estimate}.
   */
  public double predictMillis(LoadFeatures features) {
    ModelChecks.notNull("features", features);
    Trained current = trained;
    return current == null ? features.estimatedDurationMs() : predict(current, features);
  }

  /** Whether a model has been trained or restored. */
  public boolean isTrained() {
    return trained != null;
  }

  /** Error measured at the last retrain; empty before the first. */
  public Optional<LoadMetrics> metrics() {
    Trained current = trained;
    return current == null ? Optional.empty() : Optional.of(current.metrics());
  }

  /** Number of samples in the window now. */
  public int windowSize() {
    synchronized (windowLock) {
      return window.size();
    }
  }

  /** Most samples the window keeps. */
  public int windowCapacity() {
    return windowCapacity;
  }

  /**
   * Stores the current model, its scaling and metrics (not the window); read back with {@link
   * Builder#restore(byte[])}.
   *
   * @throws IllegalStateException if nothing has been trained yet
   */
  public byte[] toBytes() {
    Trained current = trained;
    if (current == null) {
      throw new IllegalStateException("LoadPredictor has no trained model to store yet");
    }
    byte[] modelBytes = ModelBytes.toBytes(current.model());
    return Envelope.write(
        Envelope.KIND_LOAD_PREDICTOR,
        out -> {
          writeMetrics(out, current.metrics());
          current.encoder().writeTo(out);
          Envelope.writeBlob(out, modelBytes);
        });
  }

  @Override
  public String toString() {
    return "LoadPredictor{linear regression of log ms, window "
        + windowSize()
        + "/"
        + windowCapacity
        + ", "
        + metrics().map(LoadMetrics::toString).orElse("untrained")
        + "}";
  }

  private Trained fit(List<LoadSample> samples, LoadMetrics metrics) {
    List<LoadFeatures> features = new ArrayList<>(samples.size());
    double[] observed = new double[samples.size()];
    for (int i = 0; i < samples.size(); i++) {
      features.add(samples.get(i).features());
      observed[i] = samples.get(i).observedMillis();
    }
    LoadEncoder encoder = LoadEncoder.fit(features, observed);
    MutableDataset<Regressor> dataset =
        new MutableDataset<>(
            new SimpleDataSourceProvenance("swarmgrid load samples", REGRESSION), REGRESSION);
    for (int i = 0; i < observed.length; i++) {
      dataset.add(encoder.encode(features.get(i), observed[i]));
    }
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(
            new SquaredLoss(), new AdaGrad(learningRate, 0.1), epochs, -1, 1, seed);
    return new Trained(trainer.train(dataset), encoder, metrics);
  }

  private static double predict(Trained t, LoadFeatures features) {
    Regressor output =
        t.model()
            .predict(t.encoder().encode(features, RegressionFactory.UNKNOWN_REGRESSOR))
            .getOutput();
    return t.encoder().toMillis(output.getValues()[0]);
  }

  private static void writeMetrics(DataOutputStream out, LoadMetrics m) throws IOException {
    out.writeDouble(m.meanAbsoluteErrorMs());
    out.writeDouble(m.baselineMeanAbsoluteErrorMs());
    out.writeInt(m.trainingSamples());
    out.writeInt(m.heldOutSamples());
    out.writeLong(m.trainedAt().getEpochSecond());
    out.writeInt(m.trainedAt().getNano());
  }

  private static Trained readTrained(DataInputStream in) throws IOException {
    LoadMetrics metrics = readMetrics(in);
    LoadEncoder encoder = LoadEncoder.readFrom(in);
    Model<Regressor> model = ModelBytes.fromBytes(Envelope.readBlob(in), Regressor.class);
    return new Trained(model, encoder, metrics);
  }

  private static LoadMetrics readMetrics(DataInputStream in) throws IOException {
    return new LoadMetrics(
        in.readDouble(),
        in.readDouble(),
        in.readInt(),
        in.readInt(),
        Instant.ofEpochSecond(in.readLong(), in.readInt()));
  }

  /** Settings for a {@link LoadPredictor}; each rejects a bad value at once. */
  public static final class Builder {

    private int windowCapacity = DEFAULT_WINDOW_CAPACITY;
    private int retrainEvery = DEFAULT_RETRAIN_EVERY;
    private int minSamples = DEFAULT_MIN_SAMPLES;
    private double holdOutFraction = DEFAULT_HOLD_OUT_FRACTION;
    private int epochs = DEFAULT_EPOCHS;
    private double learningRate = DEFAULT_LEARNING_RATE;
    private long seed = DEFAULT_SEED;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Most samples kept, oldest dropped first, {@code >= 2}; default 10,000. */
    public Builder windowCapacity(int capacity) {
      if (capacity < 2) {
        throw new IllegalArgumentException("windowCapacity must be >= 2, got " + capacity);
      }
      this.windowCapacity = capacity;
      return this;
    }

    /** New samples between automatic retrains, {@code > 0}; default 500. */
    public Builder retrainEvery(int samples) {
      this.retrainEvery = ModelChecks.positive("retrainEvery", samples);
      return this;
    }

    /** Fewest samples in the window before training, {@code >= 2}; default 50. */
    public Builder minSamples(int samples) {
      if (samples < 2) {
        throw new IllegalArgumentException("minSamples must be >= 2, got " + samples);
      }
      this.minSamples = samples;
      return this;
    }

    /** Share of the newest samples held out for metrics, in (0, 1); default 0.2. */
    public Builder holdOutFraction(double fraction) {
      this.holdOutFraction = ModelChecks.openFraction("holdOutFraction", fraction);
      return this;
    }

    /** SGD passes per training, {@code > 0}; default 10. */
    public Builder epochs(int epochs) {
      this.epochs = ModelChecks.positive("epochs", epochs);
      return this;
    }

    /** AdaGrad's initial learning rate, {@code > 0}; default 0.1. */
    public Builder learningRate(double rate) {
      ModelChecks.finite("learningRate", rate);
      if (rate <= 0) {
        throw new IllegalArgumentException("learningRate must be > 0, got " + rate);
      }
      this.learningRate = rate;
      return this;
    }

    /** Seed for SGD shuffling; same samples and seed give the same model. Default 42. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Clock that stamps {@link LoadMetrics#trainedAt()}; default the UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = ModelChecks.notNull("clock", clock);
      return this;
    }

    /** An untrained predictor; it predicts tasks' own estimates until its first retrain. */
    public LoadPredictor build() {
      checkConsistent();
      return new LoadPredictor(this, null);
    }

    /**
     * A predictor that starts from a model stored with {@link LoadPredictor#toBytes()}, with an
     * empty window and these settings.
     *
     * @throws IllegalArgumentException if the bytes are not a stored load predictor
     */
    public LoadPredictor restore(byte[] bytes) {
      checkConsistent();
      Trained restored =
          Envelope.read(
              bytes, Envelope.KIND_LOAD_PREDICTOR, "load predictor", LoadPredictor::readTrained);
      return new LoadPredictor(this, restored);
    }

    private void checkConsistent() {
      if (minSamples > windowCapacity) {
        throw new IllegalStateException(
            "minSamples "
                + minSamples
                + " exceeds windowCapacity "
                + windowCapacity
                + ": the predictor would never train");
      }
    }
  }
}
