package io.swarmgrid.ml;

import io.swarmgrid.ml.internal.BinaryMetrics;
import io.swarmgrid.ml.internal.DecisionEncoder;
import io.swarmgrid.ml.internal.ModelChecks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains a {@link DecisionOutcomeModel}: logistic regression (Tribuo {@code LinearSGDTrainer} with
 * the log loss and AdaGrad) over the proposal's inputs, each also crossed with the decision type.
 *
 * <p>Examples must be in the order they happened, oldest first. The most recent {@link
 * #holdOutFraction(double) hold-out fraction} is not trained on: the model is scored on it for
 * {@link LearningMetrics} and for {@link DecisionOutcomeModel#heldOutScores()}, from which {@link
 * AdaptiveThreshold} learns. Settings are checked when set; a trainer is not thread-safe but the
 * models it returns are.
 */
public final class DecisionOutcomeTrainer {

  /** Default share of most recent examples held out: 0.2. */
  public static final double DEFAULT_HOLD_OUT_FRACTION = 0.2;

  /** Default passes over the training examples: 10. */
  public static final int DEFAULT_EPOCHS = 10;

  /** Default AdaGrad learning rate: 0.5. */
  public static final double DEFAULT_LEARNING_RATE = 0.5;

  /** Default random seed (example shuffling and initialisation): 42. */
  public static final long DEFAULT_SEED = 42L;

  /** Default fewest examples accepted for training: 20. */
  public static final int DEFAULT_MIN_EXAMPLES = 20;

  static final String SUCCESS = "success";
  static final String FAILURE = "failure";
  private static final LabelFactory LABELS = new LabelFactory();

  private double holdOutFraction = DEFAULT_HOLD_OUT_FRACTION;
  private int epochs = DEFAULT_EPOCHS;
  private double learningRate = DEFAULT_LEARNING_RATE;
  private long seed = DEFAULT_SEED;
  private int minExamples = DEFAULT_MIN_EXAMPLES;
  private Clock clock = Clock.systemUTC();

  /** A trainer with the defaults. */
  public DecisionOutcomeTrainer() {}

  /** Share of the most recent examples held out for metrics, in (0, 1); default 0.2. */
  public DecisionOutcomeTrainer holdOutFraction(double fraction) {
    this.holdOutFraction = ModelChecks.openFraction("holdOutFraction", fraction);
    return this;
  }

  /** Passes of SGD over the training examples, {@code > 0}; default 10. */
  public DecisionOutcomeTrainer epochs(int epochs) {
    this.epochs = ModelChecks.positive("epochs", epochs);
    return this;
  }

  /** AdaGrad's initial learning rate, {@code > 0}; default 0.5. */
  public DecisionOutcomeTrainer learningRate(double learningRate) {
    ModelChecks.finite("learningRate", learningRate);
    if (learningRate <= 0) {
      throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
    }
    this.learningRate = learningRate;
    return this;
  }

  /** Seed for shuffling; the same examples and seed give the same model. Default 42. */
  public DecisionOutcomeTrainer seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Fewest examples {@link #train(List)} accepts, {@code >= 2}; default 20. */
  public DecisionOutcomeTrainer minExamples(int minExamples) {
    if (minExamples < 2) {
      throw new IllegalArgumentException("minExamples must be >= 2, got " + minExamples);
    }
    this.minExamples = minExamples;
    return this;
  }

  /** Clock that stamps {@link LearningMetrics#trainedAt()}; default the UTC system clock. */
  public DecisionOutcomeTrainer clock(Clock clock) {
    this.clock = ModelChecks.notNull("clock", clock);
    return this;
  }

  /**
   * Trains on all but the most recent examples and scores the held-out rest.
   *
   * @param examples past decisions, oldest first
   * @throws IllegalArgumentException if there are fewer than the minimum examples, or the training
   *     part does not hold both successes and failures
   */
  public DecisionOutcomeModel train(List<DecisionExample> examples) {
    ModelChecks.notNull("examples", examples);
    List<DecisionExample> all = List.copyOf(examples);
    if (all.size() < minExamples) {
      throw new IllegalArgumentException(
          "examples must hold at least " + minExamples + " decisions, got " + all.size());
    }
    int heldOut = Math.max(1, (int) Math.round(all.size() * holdOutFraction));
    int trainCount = all.size() - heldOut;
    List<DecisionExample> trainPart = all.subList(0, trainCount);
    List<DecisionExample> heldOutPart = all.subList(trainCount, all.size());
    long successes = trainPart.stream().filter(DecisionExample::success).count();
    if (successes == 0 || successes == trainCount) {
      throw new IllegalArgumentException(
          "examples used for training must hold both successes and "
              + "failures, got "
              + successes
              + " successes of "
              + trainCount);
    }

    List<DecisionFeatures> trainFeatures = new ArrayList<>(trainCount);
    for (DecisionExample e : trainPart) {
      trainFeatures.add(e.toFeatures());
    }
    DecisionEncoder encoder = DecisionEncoder.fit(trainFeatures);
    MutableDataset<Label> dataset =
        new MutableDataset<>(
            new SimpleDataSourceProvenance("swarmgrid decision outcomes", LABELS), LABELS);
    Label success = new Label(SUCCESS);
    Label failure = new Label(FAILURE);
    for (int i = 0; i < trainCount; i++) {
      Label label = trainPart.get(i).success() ? success : failure;
      dataset.add(encoder.encode(trainFeatures.get(i), label));
    }
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(
            new LogMulticlass(), new AdaGrad(learningRate, 0.1), epochs, -1, 1, seed);
    Model<Label> model = trainer.train(dataset);

    DecisionOutcomeModel unscored = new DecisionOutcomeModel(model, encoder, null, List.of());
    double[] scores = new double[heldOut];
    boolean[] outcomes = new boolean[heldOut];
    List<ScoredOutcome> heldOutScores = new ArrayList<>(heldOut);
    int heldOutSuccesses = 0;
    for (int i = 0; i < heldOut; i++) {
      DecisionExample e = heldOutPart.get(i);
      scores[i] = unscored.predictSuccess(e.toFeatures());
      outcomes[i] = e.success();
      heldOutSuccesses += e.success() ? 1 : 0;
      heldOutScores.add(new ScoredOutcome(e.decisionType(), scores[i], e.success()));
    }
    LearningMetrics metrics =
        new LearningMetrics(
            BinaryMetrics.accuracy(scores, outcomes, 0.5),
            BinaryMetrics.auc(scores, outcomes),
            trainCount,
            heldOut,
            (double) heldOutSuccesses / heldOut,
            clock.instant());
    return new DecisionOutcomeModel(model, encoder, metrics, heldOutScores);
  }
}
