package io.swarmgrid.ml;

import io.swarmgrid.ml.internal.DecisionEncoder;
import io.swarmgrid.ml.internal.Envelope;
import io.swarmgrid.ml.internal.ModelChecks;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * Predicts the probability that a consensus decision succeeds, from its proposal and vote tally: a
 * logistic regression learned from past decisions and their feedback (see {@link
 * DecisionOutcomeTrainer}). Immutable and thread-safe.
 *
 * <p>Bytes from {@link #toBytes()} hold the Tribuo model (written with {@link ModelBytes}), the
 * feature scaling, the metrics and the held-out scores, so that any member can rebuild the model
 * and its {@link AdaptiveThreshold}.
 */
public final class DecisionOutcomeModel {

  private static final int MAX_HELD_OUT = 10_000_000;

  private final Model<Label> model;
  private final DecisionEncoder encoder;
  private final LearningMetrics metrics;
  private final List<ScoredOutcome> heldOutScores;

  DecisionOutcomeModel(
      Model<Label> model,
      DecisionEncoder encoder,
      LearningMetrics metrics,
      List<ScoredOutcome> heldOutScores) {
    this.model = model;
    this.encoder = encoder;
    this.metrics = metrics;
    this.heldOutScores = List.copyOf(heldOutScores);
  }

  /** Trains with {@link DecisionOutcomeTrainer}'s defaults; examples oldest first. */
  public static DecisionOutcomeModel train(List<DecisionExample> examples) {
    return new DecisionOutcomeTrainer().train(examples);
  }

  /** A trainer to set hold-out fraction, epochs, seed and clock on. */
  public static DecisionOutcomeTrainer trainer() {
    return new DecisionOutcomeTrainer();
  }

  /** Predicted probability, in [0, 1], that a decision with these features succeeds. */
  public double predictSuccess(DecisionFeatures features) {
    ModelChecks.notNull("features", features);
    Prediction<Label> prediction =
        model.predict(encoder.encode(features, LabelFactory.UNKNOWN_LABEL));
    Label success = prediction.getOutputScores().get(DecisionOutcomeTrainer.SUCCESS);
    double p = success == null ? 0.0 : success.getScore();
    return Math.min(1.0, Math.max(0.0, p));
  }

  /** Accuracy, AUC and counts measured on the held-out most recent examples. */
  public LearningMetrics metrics() {
    return metrics;
  }

  /** The model's predictions on the held-out examples with their outcomes, oldest first. */
  public List<ScoredOutcome> heldOutScores() {
    return heldOutScores;
  }

  /** Stores the model, scaling, metrics and held-out scores; read back with {@link #fromBytes}. */
  public byte[] toBytes() {
    byte[] modelBytes = ModelBytes.toBytes(model);
    return Envelope.write(
        Envelope.KIND_DECISION_OUTCOME,
        out -> {
          writeMetrics(out, metrics);
          encoder.writeTo(out);
          out.writeInt(heldOutScores.size());
          for (ScoredOutcome s : heldOutScores) {
            out.writeUTF(s.decisionType());
            out.writeDouble(s.predictedSuccess());
            out.writeBoolean(s.success());
          }
          Envelope.writeBlob(out, modelBytes);
        });
  }

  /**
   * Reads bytes written by {@link #toBytes()}.
   *
   * @throws IllegalArgumentException if the bytes are not a stored decision outcome model
   */
  public static DecisionOutcomeModel fromBytes(byte[] bytes) {
    return Envelope.read(
        bytes,
        Envelope.KIND_DECISION_OUTCOME,
        "decision outcome model",
        in -> {
          LearningMetrics metrics = readMetrics(in);
          DecisionEncoder encoder = DecisionEncoder.readFrom(in);
          int count = Envelope.readCount(in, "held-out score", MAX_HELD_OUT);
          List<ScoredOutcome> scores = new ArrayList<>(Math.min(count, 1024));
          for (int i = 0; i < count; i++) {
            scores.add(new ScoredOutcome(in.readUTF(), in.readDouble(), in.readBoolean()));
          }
          Model<Label> model = ModelBytes.fromBytes(Envelope.readBlob(in), Label.class);
          if (model.getOutputIDInfo().getID(new Label(DecisionOutcomeTrainer.SUCCESS)) < 0) {
            throw new IllegalArgumentException(
                "stored model does not predict the label '" + DecisionOutcomeTrainer.SUCCESS + "'");
          }
          return new DecisionOutcomeModel(model, encoder, metrics, scores);
        });
  }

  private static void writeMetrics(DataOutputStream out, LearningMetrics m) throws IOException {
    out.writeDouble(m.accuracy());
    out.writeDouble(m.auc());
    out.writeInt(m.trainingExamples());
    out.writeInt(m.heldOutExamples());
    out.writeDouble(m.heldOutSuccessRate());
    out.writeLong(m.trainedAt().getEpochSecond());
    out.writeInt(m.trainedAt().getNano());
  }

  private static LearningMetrics readMetrics(DataInputStream in) throws IOException {
    return new LearningMetrics(
        in.readDouble(),
        in.readDouble(),
        in.readInt(),
        in.readInt(),
        in.readDouble(),
        Instant.ofEpochSecond(in.readLong(), in.readInt()));
  }

  @Override
  public String toString() {
    return "DecisionOutcomeModel{logistic regression, " + metrics + "}";
  }
}
