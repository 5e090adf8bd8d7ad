package io.swarmgrid.plugin.consensus.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.config.LearningConfig;
import io.swarmgrid.ml.AdaptiveThreshold;
import io.swarmgrid.ml.DecisionExample;
import io.swarmgrid.ml.DecisionFeatures;
import io.swarmgrid.ml.DecisionOutcomeModel;
import io.swarmgrid.ml.LearningMetrics;
import io.swarmgrid.ml.ModelBytes;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.DecisionStore;
import io.swarmgrid.storage.consensus.OutcomeRecord;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.model.ModelRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learned success model as the engine uses it: trained by the oldest member from reported
 * outcomes, stored in {@code swarm.models}, loaded by every member, and consulted when a decision
 * is committed. An approval whose predicted success is under its type's learned threshold is vetoed
 * when {@code learning.gate} is on.
 */
public final class LearnedGate {
  private static final Logger LOG = LoggerFactory.getLogger(LearnedGate.class);

  /** A model and the record it came from. */
  private record Loaded(DecisionOutcomeModel model, ModelRecord record) {}

  private final HazelcastInstance hz;
  private final LearningConfig config;
  private final DecisionStore store;
  private final IMap<String, ModelRecord> models;
  private volatile Loaded current;
  private volatile int lastTrainedOn = -1;

  /** A gate over the cluster of {@code hz}. */
  public LearnedGate(HazelcastInstance hz, LearningConfig config, DecisionStore store) {
    this.hz = hz;
    this.config = config;
    this.store = store;
    this.models = hz.getMap(SwarmMap.MODELS.mapName());
  }

  /** Loads the stored model, if it is newer than the one in use. */
  public void refresh() {
    ModelRecord record = models.get(DecisionStore.MODEL_NAME);
    Loaded loaded = current;
    if (record == null || (loaded != null && loaded.record().version() >= record.version())) {
      return;
    }
    if (!ModelBytes.sha256Hex(record.bytes()).equals(record.sha256())) {
      LOG.error(
          "model {} v{} does not match its SHA-256; keeping the previous one",
          record.name(),
          record.version());
      return;
    }
    current = new Loaded(DecisionOutcomeModel.fromBytes(record.bytes()), record);
  }

  /** Whether {@link #apply} uses the proposal (a model is loaded and learning is on). */
  public boolean active() {
    return config.enabled() && current != null;
  }

  /** The decision with the model's prediction recorded, vetoed if the gate says so. */
  public Decision apply(Decision d, Proposal p) {
    Loaded loaded = current;
    if (!config.enabled() || loaded == null || p == null) {
      return d;
    }
    double predicted =
        loaded
            .model()
            .predictSuccess(
                features(
                    p, DecisionStore.supportFraction(d), d.meanConfidence(), d.voters().size()));
    double threshold = loaded.record().threshold(p.type().name());
    boolean veto = config.gate() && d.end() == DecisionEnd.QUORUM && predicted < threshold;
    return d.withModel(predicted, threshold, veto);
  }

  /**
   * Retrains from the newest reported outcomes if this member is the oldest and there are new ones.
   *
   * @return the new model record, if one was trained
   */
  public Optional<ModelRecord> retrainIfOldest() {
    if (!hz.getCluster().getMembers().iterator().next().localMember()) {
      return Optional.empty();
    }
    return retrain();
  }

  /** Retrains now from the newest reported outcomes, if there are enough and new ones. */
  public synchronized Optional<ModelRecord> retrain() {
    List<OutcomeRecord> outcomes = store.outcomes(config.maxExamples());
    if (outcomes.size() < config.minExamples()
        || outcomes.size() == lastTrainedOn && current != null) {
      return Optional.empty();
    }
    List<DecisionExample> examples = new ArrayList<>();
    for (OutcomeRecord o : outcomes) {
      examples.add(DecisionExample.of(features(o), o.success()));
    }
    DecisionOutcomeModel model =
        DecisionOutcomeModel.trainer()
            .minExamples(Math.min(config.minExamples(), examples.size()))
            .train(examples);
    AdaptiveThreshold thresholds =
        AdaptiveThreshold.builder()
            .defaultThreshold(config.defaultThreshold())
            .minRecall(config.minRecall())
            .learn(model.heldOutScores());
    LearningMetrics m = model.metrics();
    ModelRecord previous = models.get(DecisionStore.MODEL_NAME);
    byte[] bytes = model.toBytes();
    List<String> keys = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Map.Entry<String, Double> e : thresholds.learnedThresholds().entrySet()) {
      keys.add(e.getKey());
      values.add(e.getValue());
    }
    ModelRecord record =
        new ModelRecord(
            DecisionStore.MODEL_NAME,
            previous == null ? 1 : previous.version() + 1,
            bytes,
            ModelBytes.sha256Hex(bytes),
            System.currentTimeMillis(),
            m.accuracy(),
            m.auc(),
            m.trainingExamples(),
            m.heldOutExamples(),
            keys,
            values.stream().mapToDouble(Double::doubleValue).toArray(),
            config.defaultThreshold());
    models.set(DecisionStore.MODEL_NAME, record);
    lastTrainedOn = outcomes.size();
    LOG.info(
        "consensus model v{} trained on {} outcomes: held-out accuracy {}, AUC {}, thresholds {}",
        record.version(),
        m.trainingExamples(),
        String.format("%.3f", m.accuracy()),
        String.format("%.3f", m.auc()),
        thresholds.learnedThresholds());
    current = new Loaded(model, record);
    return Optional.of(record);
  }

  /** The record of the model in use, if any. */
  public Optional<ModelRecord> model() {
    Loaded loaded = current;
    return loaded == null ? Optional.empty() : Optional.of(loaded.record());
  }

  private static DecisionFeatures features(OutcomeRecord o) {
    return new DecisionFeatures(
        o.type().name(),
        o.priority(),
        o.proposerConfidence(),
        o.features(),
        o.approveWeightFraction(),
        o.meanVoterConfidence(),
        o.voteCount());
  }

  private static DecisionFeatures features(
      Proposal p, double support, double meanConfidence, int votes) {
    return new DecisionFeatures(
        p.type().name(),
        p.priority(),
        p.confidence(),
        p.features(),
        support,
        meanConfidence,
        votes);
  }
}
