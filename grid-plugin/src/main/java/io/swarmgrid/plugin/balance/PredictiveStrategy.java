package io.swarmgrid.plugin.balance;

import io.swarmgrid.ml.LoadFeatures;
import io.swarmgrid.ml.LoadMetrics;
import io.swarmgrid.ml.LoadPredictor;
import io.swarmgrid.ml.LoadSample;
import io.swarmgrid.storage.balance.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Predictive (learned): a {@link LoadPredictor} (a Tribuo regression in {@code ml-models}) predicts
 * each candidate's completion time of the task (from assignment to done) from the node's cores,
 * free memory, held tasks and reputation and the task's estimate, demands and priority; the lowest
 * prediction wins. It learns from finished tasks ({@link #learn}); until its first training it
 * predicts {@code (estimate + backlog) / cores}. Its error on held-out finished tasks is in {@link
 * #metrics()}.
 *
 * <p>The model's features describe a node by its declared resources and load, not by who it is, so
 * two nodes that declare the same cores but run at different speeds look alike to it. Each node
 * therefore also has a learned speed factor: a moving average of observed ÷ predicted completion
 * time of its finished tasks, by which its predictions are multiplied (one number per node of the
 * fleet, bounded by {@code maxPending}).
 */
public final class PredictiveStrategy implements BalanceStrategy {
  private final LoadPredictor predictor;
  private final int maxPending;
  private final Map<String, Pending> pending;
  private final Map<String, Double> nodeFactor = new java.util.concurrent.ConcurrentHashMap<>();
  private long learned;

  /** Weight of the newest observation in a node's speed factor. */
  private static final double FACTOR_ALPHA = 0.2;

  private record Pending(LoadFeatures features, String node, double rawPrediction) {}

  /**
   * A strategy learning with {@code predictor}.
   *
   * @param maxPending most assigned tasks whose features are remembered until they finish
   */
  public PredictiveStrategy(LoadPredictor predictor, int maxPending) {
    this.predictor = predictor;
    this.maxPending = maxPending;
    this.pending =
        new LinkedHashMap<>(16, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > PredictiveStrategy.this.maxPending;
          }
        };
  }

  /** A strategy with a predictor of the given window, first training and retraining period. */
  public static PredictiveStrategy of(int minSamples, int retrainEvery, int window) {
    return new PredictiveStrategy(
        LoadPredictor.builder()
            .minSamples(minSamples)
            .retrainEvery(retrainEvery)
            .windowCapacity(window)
            .build(),
        window);
  }

  @Override
  public String name() {
    return "predictive";
  }

  @Override
  public double[] score(Task task, List<NodeView> candidates) {
    double[] raw = new double[candidates.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = predictMillis(task, candidates.get(i));
    }
    return BalanceStrategy.normalized(raw);
  }

  @Override
  public double predictMillis(Task task, NodeView node) {
    return raw(features(task, node)) * nodeFactor.getOrDefault(node.nodeId(), 1.0);
  }

  private double raw(LoadFeatures f) {
    if (!predictor.isTrained()) {
      return Math.max(1, f.estimatedDurationMs()) / f.cpuCores();
    }
    return Math.max(1e-3, predictor.predictMillis(f));
  }

  /**
   * The learned speed factor of {@code nodeId}: observed ÷ predicted completion time, 1 when
   * unknown.
   */
  public double nodeFactor(String nodeId) {
    return nodeFactor.getOrDefault(nodeId, 1.0);
  }

  /**
   * Remembers the features of {@code task} placed on {@code node}, to learn from when it finishes.
   */
  public synchronized void placed(Task task, NodeView node) {
    LoadFeatures f = features(task, node);
    pending.put(task.taskId(), new Pending(f, node.nodeId(), raw(f)));
  }

  /**
   * Learns that {@code taskId}, placed earlier, completed {@code observedMillis} after its
   * assignment.
   *
   * @return whether the task was one this strategy placed (and so was learned from)
   */
  public boolean learn(String taskId, double observedMillis) {
    Pending p;
    synchronized (this) {
      p = pending.remove(taskId);
    }
    if (p == null) {
      return false;
    }
    double ratio =
        Math.max(
            0.01, Math.min(100, Math.max(0, observedMillis) / Math.max(1e-3, p.rawPrediction())));
    nodeFactor.merge(p.node(), ratio, (old, now) -> (1 - FACTOR_ALPHA) * old + FACTOR_ALPHA * now);
    if (nodeFactor.size() > maxPending) {
      nodeFactor.clear();
    }
    learn(p.features(), observedMillis);
    return true;
  }

  /** Learns one observed completion time of a placement with features {@code f}. */
  public void learn(LoadFeatures f, double observedMillis) {
    predictor.onlineUpdate(new LoadSample(f, Math.max(0, observedMillis)));
    synchronized (this) {
      learned++;
    }
  }

  /** The model's error on held-out finished tasks, once trained. */
  public Optional<LoadMetrics> metrics() {
    return predictor.metrics();
  }

  /** Finished tasks learned from so far. */
  public synchronized long learned() {
    return learned;
  }

  /**
   * The features of {@code task} on {@code node}. The estimate is the work ahead of the task on
   * that node, its own estimate plus the node's {@link NodeView#backlogMillis() backlog}: what its
   * completion time (from assignment to done) depends on most.
   */
  public static LoadFeatures features(Task task, NodeView node) {
    double freeMemory =
        node.memoryMb() <= 0 ? 1 : 1 - Math.min(1, (double) node.usedMemoryMb() / node.memoryMb());
    double memReq =
        node.memoryMb() <= 0
            ? 0
            : Math.min(1, (double) task.requirements().memoryMb() / node.memoryMb());
    return new LoadFeatures(
        node.cpuCores(),
        freeMemory,
        node.held(),
        Math.max(0, Math.min(1, node.reputation())),
        (double) task.estimatedMillis() + node.backlogMillis(),
        task.requirements().cpu(),
        memReq,
        Math.max(0, task.priority()));
  }
}
