package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;
import static io.swarmgrid.config.internal.Checks.required;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Task assignment and load balancing ({@code swarmgrid.balance}), used when {@code
 * swarmgrid.engines.balance} is on.
 *
 * <p>Over 300 lines on purpose: the record and its builder (one checked setter per key) belong
 * together.
 *
 * @param strategy the strategy of task types not named in {@code strategies}; one of {@link
 *     #STRATEGIES}
 * @param strategies strategy by task type, overriding {@code strategy}
 * @param speedWeight weight of expected completion time in multi-criteria scoring, 0..100
 * @param costWeight weight of a node's cost (cloud over edge), 0..100
 * @param reliabilityWeight weight of a node's unreliability (1 − reputation), 0..100
 * @param affinityWeight weight of running next to the task's data (on the member owning the data
 *     key's partition), 0..100; 0 ignores where the data is
 * @param skewThreshold queued tasks move when the busiest node's load exceeds the least busy one's
 *     by more than this many tasks, 1..1000000
 * @param maxTasks most tasks held in {@code swarm.tasks}; more are refused, finished tasks expire
 *     after {@code finished-ttl-seconds}, 1..100000000
 * @param finishedTtlSeconds how long a done, failed or cancelled task stays readable, 1..31536000
 * @param maxAttempts runs of a task before a failure is final, 1..100
 * @param maxEstimateMillis largest accepted estimated duration, ms, 1..604800000
 * @param sweepMillis how often each member re-tries queued tasks, re-queues tasks of lost nodes and
 *     rebalances its partitions, ms, 50..600000
 * @param workerTimeoutMillis a worker node whose heartbeat is older than this loses its tasks, ms,
 *     500..3600000
 * @param predictorMinSamples finished tasks before the predictor's first training, 10..1000000
 * @param predictorRetrainEvery finished tasks between retrainings, 1..1000000
 * @param predictorWindow most recent finished tasks the predictor learns from, 10..1000000
 * @param assignedTimeoutMillis a task assigned to a node that has not started it after this long is
 *     re-queued and placed again (its dispatch was lost, or its node never polls), ms,
 *     1000..86400000
 * @param runningLeaseMillis a running task's lease: its node renews it (progress or heartbeat), and
 *     a task whose lease was not renewed for this long is re-queued, its old run fenced out, ms,
 *     3000..86400000
 */
public record BalanceConfig(
    String strategy,
    Map<String, String> strategies,
    double speedWeight,
    double costWeight,
    double reliabilityWeight,
    double affinityWeight,
    int skewThreshold,
    int maxTasks,
    int finishedTtlSeconds,
    int maxAttempts,
    long maxEstimateMillis,
    long sweepMillis,
    long workerTimeoutMillis,
    int predictorMinSamples,
    int predictorRetrainEvery,
    int predictorWindow,
    long assignedTimeoutMillis,
    long runningLeaseMillis) {

  /** The strategy names {@code strategy} and {@code strategies} accept. */
  public static final List<String> STRATEGIES =
      List.of(
          "round-robin",
          "weighted-round-robin",
          "least-connections",
          "resource-aware",
          "predictive");

  /** The bundled defaults. */
  public static final BalanceConfig DEFAULTS =
      new BalanceConfig(
          "resource-aware",
          Map.of(),
          1.0,
          0.0,
          0.5,
          0.5,
          4,
          100_000,
          600,
          3,
          3_600_000L,
          500L,
          5_000L,
          50,
          50,
          5_000,
          120_000L,
          30_000L);

  /** Validates every field. */
  public BalanceConfig {
    checkStrategy("strategy", strategy);
    strategies = strategies == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(strategies));
    strategies.forEach((type, name) -> checkStrategy("strategies." + type, name));
    range("speed-weight", speedWeight, 0.0, 100.0);
    range("cost-weight", costWeight, 0.0, 100.0);
    range("reliability-weight", reliabilityWeight, 0.0, 100.0);
    range("affinity-weight", affinityWeight, 0.0, 100.0);
    range("skew-threshold", skewThreshold, 1, 1_000_000);
    range("max-tasks", maxTasks, 1, 100_000_000);
    range("finished-ttl-seconds", finishedTtlSeconds, 1, 31_536_000);
    range("max-attempts", maxAttempts, 1, 100);
    range("max-estimate-millis", maxEstimateMillis, 1L, 604_800_000L);
    range("sweep-millis", sweepMillis, 50L, 600_000L);
    range("worker-timeout-millis", workerTimeoutMillis, 500L, 3_600_000L);
    range("predictor-min-samples", predictorMinSamples, 10, 1_000_000);
    range("predictor-retrain-every", predictorRetrainEvery, 1, 1_000_000);
    range("predictor-window", predictorWindow, 10, 1_000_000);
    range("assigned-timeout-millis", assignedTimeoutMillis, 1_000L, 86_400_000L);
    range("running-lease-millis", runningLeaseMillis, 3_000L, 86_400_000L);
    if (predictorWindow < predictorMinSamples) {
      throw new SwarmConfigException(
          "predictor-window",
          predictorWindow,
          "at least predictor-min-samples (" + predictorMinSamples + ")");
    }
  }

  /** The strategy name for tasks of {@code type}. */
  public String strategyFor(String type) {
    return strategies.getOrDefault(type, strategy);
  }

  private static String checkStrategy(String key, String name) {
    if (name == null || !STRATEGIES.contains(name)) {
      throw new SwarmConfigException(key, name, "one of " + STRATEGIES);
    }
    return name;
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from {@code base}. */
  public static Builder from(BalanceConfig base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  /** The defaults (the same as {@link #DEFAULTS}). */
  public static BalanceConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Builds a {@link BalanceConfig}; each setter rejects a bad value at once, {@link #build} checks
   * the keys that depend on each other.
   */
  public static final class Builder {
    private static final String PATH = "swarmgrid.balance";

    private String strategy;
    private Map<String, String> strategies;
    private double speedWeight;
    private double costWeight;
    private double reliabilityWeight;
    private double affinityWeight;
    private int skewThreshold;
    private int maxTasks;
    private int finishedTtlSeconds;
    private int maxAttempts;
    private long maxEstimateMillis;
    private long sweepMillis;
    private long workerTimeoutMillis;
    private int predictorMinSamples;
    private int predictorRetrainEvery;
    private int predictorWindow;
    private long assignedTimeoutMillis;
    private long runningLeaseMillis;

    private Builder(BalanceConfig c) {
      strategy = c.strategy;
      strategies = c.strategies;
      speedWeight = c.speedWeight;
      costWeight = c.costWeight;
      reliabilityWeight = c.reliabilityWeight;
      affinityWeight = c.affinityWeight;
      skewThreshold = c.skewThreshold;
      maxTasks = c.maxTasks;
      finishedTtlSeconds = c.finishedTtlSeconds;
      maxAttempts = c.maxAttempts;
      maxEstimateMillis = c.maxEstimateMillis;
      sweepMillis = c.sweepMillis;
      workerTimeoutMillis = c.workerTimeoutMillis;
      predictorMinSamples = c.predictorMinSamples;
      predictorRetrainEvery = c.predictorRetrainEvery;
      predictorWindow = c.predictorWindow;
      assignedTimeoutMillis = c.assignedTimeoutMillis;
      runningLeaseMillis = c.runningLeaseMillis;
    }

    /** The strategy of task types not named in {@code strategies}; one of {@link #STRATEGIES}. */
    public Builder strategy(String strategy) {
      this.strategy = checkStrategy(PATH + ".strategy", strategy);
      return this;
    }

    /** Strategy by task type, overriding {@code strategy}. */
    public Builder strategies(Map<String, String> strategies) {
      LinkedHashMap<String, String> copy = new LinkedHashMap<>();
      required(PATH + ".strategies", strategies, "a mapping of task type to strategy")
          .forEach(
              (type, name) -> copy.put(type, checkStrategy(PATH + ".strategies." + type, name)));
      this.strategies = copy;
      return this;
    }

    /** Weight of expected completion time in multi-criteria scoring, 0..100. */
    public Builder speedWeight(double speedWeight) {
      this.speedWeight = range(PATH + ".speed-weight", speedWeight, 0.0, 100.0);
      return this;
    }

    /** Weight of a node's cost (cloud over edge), 0..100. */
    public Builder costWeight(double costWeight) {
      this.costWeight = range(PATH + ".cost-weight", costWeight, 0.0, 100.0);
      return this;
    }

    /** Weight of a node's unreliability (1 − reputation), 0..100. */
    public Builder reliabilityWeight(double reliabilityWeight) {
      this.reliabilityWeight = range(PATH + ".reliability-weight", reliabilityWeight, 0.0, 100.0);
      return this;
    }

    /**
     * Weight of running next to the task's data (on the member owning the data key's partition),
     * 0..100; 0 ignores where the data is.
     */
    public Builder affinityWeight(double affinityWeight) {
      this.affinityWeight = range(PATH + ".affinity-weight", affinityWeight, 0.0, 100.0);
      return this;
    }

    /**
     * Queued tasks move when the busiest node's load exceeds the least busy one's by more than this
     * many tasks, 1..1000000.
     */
    public Builder skewThreshold(int skewThreshold) {
      this.skewThreshold = range(PATH + ".skew-threshold", skewThreshold, 1, 1_000_000);
      return this;
    }

    /**
     * Most tasks held in {@code swarm.tasks}; more are refused, finished tasks expire after {@code
     * finished-ttl-seconds}, 1..100000000.
     */
    public Builder maxTasks(int maxTasks) {
      this.maxTasks = range(PATH + ".max-tasks", maxTasks, 1, 100_000_000);
      return this;
    }

    /** How long a done, failed or cancelled task stays readable, 1..31536000. */
    public Builder finishedTtlSeconds(int finishedTtlSeconds) {
      this.finishedTtlSeconds =
          range(PATH + ".finished-ttl-seconds", finishedTtlSeconds, 1, 31_536_000);
      return this;
    }

    /** Runs of a task before a failure is final, 1..100. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = range(PATH + ".max-attempts", maxAttempts, 1, 100);
      return this;
    }

    /** Largest accepted estimated duration, ms, 1..604800000. */
    public Builder maxEstimateMillis(long maxEstimateMillis) {
      this.maxEstimateMillis =
          range(PATH + ".max-estimate-millis", maxEstimateMillis, 1L, 604_800_000L);
      return this;
    }

    /**
     * How often each member re-tries queued tasks, re-queues tasks of lost nodes and rebalances its
     * partitions, ms, 50..600000.
     */
    public Builder sweepMillis(long sweepMillis) {
      this.sweepMillis = range(PATH + ".sweep-millis", sweepMillis, 50L, 600_000L);
      return this;
    }

    /** A worker node whose heartbeat is older than this loses its tasks, ms, 500..3600000. */
    public Builder workerTimeoutMillis(long workerTimeoutMillis) {
      this.workerTimeoutMillis =
          range(PATH + ".worker-timeout-millis", workerTimeoutMillis, 500L, 3_600_000L);
      return this;
    }

    /** Finished tasks before the predictor's first training, 10..1000000. */
    public Builder predictorMinSamples(int predictorMinSamples) {
      this.predictorMinSamples =
          range(PATH + ".predictor-min-samples", predictorMinSamples, 10, 1_000_000);
      return this;
    }

    /** Finished tasks between retrainings, 1..1000000. */
    public Builder predictorRetrainEvery(int predictorRetrainEvery) {
      this.predictorRetrainEvery =
          range(PATH + ".predictor-retrain-every", predictorRetrainEvery, 1, 1_000_000);
      return this;
    }

    /** Most recent finished tasks the predictor learns from, 10..1000000. */
    public Builder predictorWindow(int predictorWindow) {
      this.predictorWindow = range(PATH + ".predictor-window", predictorWindow, 10, 1_000_000);
      return this;
    }

    /**
     * A task assigned to a node that has not started it after this long is re-queued and placed
     * again, ms, 1000..86400000.
     */
    public Builder assignedTimeoutMillis(long assignedTimeoutMillis) {
      this.assignedTimeoutMillis =
          range(PATH + ".assigned-timeout-millis", assignedTimeoutMillis, 1_000L, 86_400_000L);
      return this;
    }

    /**
     * A running task's lease, renewed by its node; a task whose lease lapses is re-queued, ms,
     * 3000..86400000.
     */
    public Builder runningLeaseMillis(long runningLeaseMillis) {
      this.runningLeaseMillis =
          range(PATH + ".running-lease-millis", runningLeaseMillis, 3_000L, 86_400_000L);
      return this;
    }

    /** The config; a bad combination of keys is refused naming the key and the value. */
    public BalanceConfig build() {
      try {
        return new BalanceConfig(
            strategy,
            strategies,
            speedWeight,
            costWeight,
            reliabilityWeight,
            affinityWeight,
            skewThreshold,
            maxTasks,
            finishedTtlSeconds,
            maxAttempts,
            maxEstimateMillis,
            sweepMillis,
            workerTimeoutMillis,
            predictorMinSamples,
            predictorRetrainEvery,
            predictorWindow,
            assignedTimeoutMillis,
            runningLeaseMillis);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
    }
  }
}
