package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;

import java.util.Objects;

/**
 * Energy-based task diffusion and the content store ({@code swarmgrid.diffusion}); the engine runs
 * with {@code engines.diffusion: true}. {@code docs/DIFFUSION.md} explains the model.
 *
 * <p>Over 300 lines on purpose: the record and its builder (one checked setter per key) belong
 * together.
 *
 * @param neighboursMin logical neighbours each node keeps at least (when that many other nodes
 *     exist), 1..32
 * @param neighboursMax logical neighbours each node keeps at most, {@code neighboursMin}..32
 * @param longLinks of the neighbours, how many are random long-distance links rather than the
 *     lowest-latency nodes, 0..{@code neighboursMax}
 * @param energyDecay factor a task's energy is multiplied by at each hop, 0.01..0.99
 * @param stopThreshold a task is not passed on with less energy than this, 0.001..1000000
 * @param maxEnergy highest energy a task may be injected with, {@code stopThreshold}..1000000000
 * @param redundancy distinct nodes (on distinct members where there are enough) that process each
 *     chunk; a chunk is agreed when this many copies give equal results, 1..9
 * @param virtualNodes virtual nodes this member hosts besides its own node, 0..10000
 * @param chunkBytes target size of an input chunk (chunks end at record boundaries), 1024..67108864
 * @param contentCopies copies of each content entry under keys on different partitions, so that a
 *     corrupted copy is refused and read from another, 1..5
 * @param contentMaxBytesPerMember bytes of content (all copies) a member holds after a collection,
 *     1048576..1099511627776
 * @param contentMaxEntriesPerMember content entries (all copies) a member holds after a collection,
 *     100..100000000
 * @param contentMaxAgeSeconds unreferenced content older than this is collected, 1..31536000
 * @param collectIntervalMillis how often each member collects content and expired tasks,
 *     100..3600000
 * @param topologyRefreshMillis how often each member measures latencies and repairs its nodes'
 *     neighbours, 50..600000
 * @param claimLeaseMillis a claimed chunk whose node neither answers nor leaves is given to another
 *     node after this, 100..3600000
 * @param stallMillis a task with no progress for this long is injected again from a live node
 *     holding it (or any live node), with its first energy, 500..3600000
 * @param workerThreads threads per member that process chunks (0 = the number of cores), 0..256
 * @param maxTasks diffusion tasks (live and finished) the grid holds; injecting more is refused,
 *     1..1000000
 * @param finishedTaskTtlSeconds how long a finished task and its result stay readable, 1..31536000
 * @param maxTaskAgeSeconds a task not finished after this is expired with its state, 1..31536000
 * @param corruptResultsForTesting TEST ONLY: this member's nodes lie — every result they compute
 *     leaves out the first record of the chunk — so that tests and demos can show voting catch them
 */
public record DiffusionConfig(
    int neighboursMin,
    int neighboursMax,
    int longLinks,
    double energyDecay,
    double stopThreshold,
    double maxEnergy,
    int redundancy,
    int virtualNodes,
    int chunkBytes,
    int contentCopies,
    long contentMaxBytesPerMember,
    int contentMaxEntriesPerMember,
    int contentMaxAgeSeconds,
    long collectIntervalMillis,
    long topologyRefreshMillis,
    long claimLeaseMillis,
    long stallMillis,
    int workerThreads,
    int maxTasks,
    int finishedTaskTtlSeconds,
    int maxTaskAgeSeconds,
    boolean corruptResultsForTesting) {

  /** The defaults of the bundled {@code swarmgrid-default.yaml}. */
  public static final DiffusionConfig DEFAULTS =
      new DiffusionConfig(
          4,
          6,
          1,
          0.7,
          1.0,
          1_000_000.0,
          2,
          0,
          1024 * 1024,
          2,
          512L * 1024 * 1024,
          100_000,
          3600,
          1000,
          1000,
          30_000,
          10_000,
          0,
          10_000,
          600,
          3600,
          false);

  /** Validates every field. */
  public DiffusionConfig {
    range("neighbours-min", neighboursMin, 1, 32);
    range("neighbours-max", neighboursMax, neighboursMin, 32);
    range("long-links", longLinks, 0, neighboursMax);
    range("energy-decay", energyDecay, 0.01, 0.99);
    range("stop-threshold", stopThreshold, 0.001, 1_000_000.0);
    range("max-energy", maxEnergy, stopThreshold, 1_000_000_000.0);
    range("redundancy", redundancy, 1, 9);
    range("virtual-nodes", virtualNodes, 0, 10_000);
    range("chunk-bytes", chunkBytes, 1024, 64 * 1024 * 1024);
    range("content-copies", contentCopies, 1, 5);
    range("content-max-bytes-per-member", contentMaxBytesPerMember, 1024L * 1024, 1L << 40);
    range("content-max-entries-per-member", contentMaxEntriesPerMember, 100, 100_000_000);
    range("content-max-age-seconds", contentMaxAgeSeconds, 1, 31_536_000);
    range("collect-interval-millis", collectIntervalMillis, 100, 3_600_000);
    range("topology-refresh-millis", topologyRefreshMillis, 50, 600_000);
    range("claim-lease-millis", claimLeaseMillis, 100, 3_600_000);
    range("stall-millis", stallMillis, 500, 3_600_000);
    range("worker-threads", workerThreads, 0, 256);
    range("max-tasks", maxTasks, 1, 1_000_000);
    range("finished-task-ttl-seconds", finishedTaskTtlSeconds, 1, 31_536_000);
    range("max-task-age-seconds", maxTaskAgeSeconds, 1, 31_536_000);
  }

  /** Copies per chunk that must agree: a strict majority of {@link #redundancy}, at least one. */
  public int quorum() {
    return redundancy / 2 + 1;
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from {@code base}. */
  public static Builder from(DiffusionConfig base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  /** The defaults (the same as {@link #DEFAULTS}). */
  public static DiffusionConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Builds a {@link DiffusionConfig}; each setter rejects a bad value at once, {@link #build}
   * checks the keys that depend on each other.
   */
  public static final class Builder {
    private static final String PATH = "swarmgrid.diffusion";

    private int neighboursMin;
    private int neighboursMax;
    private int longLinks;
    private double energyDecay;
    private double stopThreshold;
    private double maxEnergy;
    private int redundancy;
    private int virtualNodes;
    private int chunkBytes;
    private int contentCopies;
    private long contentMaxBytesPerMember;
    private int contentMaxEntriesPerMember;
    private int contentMaxAgeSeconds;
    private long collectIntervalMillis;
    private long topologyRefreshMillis;
    private long claimLeaseMillis;
    private long stallMillis;
    private int workerThreads;
    private int maxTasks;
    private int finishedTaskTtlSeconds;
    private int maxTaskAgeSeconds;
    private boolean corruptResultsForTesting;

    private Builder(DiffusionConfig c) {
      neighboursMin = c.neighboursMin;
      neighboursMax = c.neighboursMax;
      longLinks = c.longLinks;
      energyDecay = c.energyDecay;
      stopThreshold = c.stopThreshold;
      maxEnergy = c.maxEnergy;
      redundancy = c.redundancy;
      virtualNodes = c.virtualNodes;
      chunkBytes = c.chunkBytes;
      contentCopies = c.contentCopies;
      contentMaxBytesPerMember = c.contentMaxBytesPerMember;
      contentMaxEntriesPerMember = c.contentMaxEntriesPerMember;
      contentMaxAgeSeconds = c.contentMaxAgeSeconds;
      collectIntervalMillis = c.collectIntervalMillis;
      topologyRefreshMillis = c.topologyRefreshMillis;
      claimLeaseMillis = c.claimLeaseMillis;
      stallMillis = c.stallMillis;
      workerThreads = c.workerThreads;
      maxTasks = c.maxTasks;
      finishedTaskTtlSeconds = c.finishedTaskTtlSeconds;
      maxTaskAgeSeconds = c.maxTaskAgeSeconds;
      corruptResultsForTesting = c.corruptResultsForTesting;
    }

    /** Logical neighbours each node keeps at least (when that many other nodes exist), 1..32. */
    public Builder neighboursMin(int neighboursMin) {
      this.neighboursMin = range(PATH + ".neighbours-min", neighboursMin, 1, 32);
      return this;
    }

    /** Logical neighbours each node keeps at most, {@code neighboursMin}..32. */
    public Builder neighboursMax(int neighboursMax) {
      this.neighboursMax = range(PATH + ".neighbours-max", neighboursMax, 1, 32);
      return this;
    }

    /**
     * Of the neighbours, how many are random long-distance links rather than the lowest-latency
     * nodes, 0..{@code neighboursMax}.
     */
    public Builder longLinks(int longLinks) {
      this.longLinks = range(PATH + ".long-links", longLinks, 0, 32);
      return this;
    }

    /** Factor a task's energy is multiplied by at each hop, 0.01..0.99. */
    public Builder energyDecay(double energyDecay) {
      this.energyDecay = range(PATH + ".energy-decay", energyDecay, 0.01, 0.99);
      return this;
    }

    /** A task is not passed on with less energy than this, 0.001..1000000. */
    public Builder stopThreshold(double stopThreshold) {
      this.stopThreshold = range(PATH + ".stop-threshold", stopThreshold, 0.001, 1_000_000.0);
      return this;
    }

    /** Highest energy a task may be injected with, {@code stopThreshold}..1000000000. */
    public Builder maxEnergy(double maxEnergy) {
      this.maxEnergy = range(PATH + ".max-energy", maxEnergy, 0.001, 1_000_000_000.0);
      return this;
    }

    /**
     * Distinct nodes (on distinct members where there are enough) that process each chunk; a chunk
     * is agreed when this many copies give equal results, 1..9.
     */
    public Builder redundancy(int redundancy) {
      this.redundancy = range(PATH + ".redundancy", redundancy, 1, 9);
      return this;
    }

    /** Virtual nodes this member hosts besides its own node, 0..10000. */
    public Builder virtualNodes(int virtualNodes) {
      this.virtualNodes = range(PATH + ".virtual-nodes", virtualNodes, 0, 10_000);
      return this;
    }

    /** Target size of an input chunk (chunks end at record boundaries), 1024..67108864. */
    public Builder chunkBytes(int chunkBytes) {
      this.chunkBytes = range(PATH + ".chunk-bytes", chunkBytes, 1024, 64 * 1024 * 1024);
      return this;
    }

    /**
     * Copies of each content entry under keys on different partitions, so that a corrupted copy is
     * refused and read from another, 1..5.
     */
    public Builder contentCopies(int contentCopies) {
      this.contentCopies = range(PATH + ".content-copies", contentCopies, 1, 5);
      return this;
    }

    /** Bytes of content (all copies) a member holds after a collection, 1048576..1099511627776. */
    public Builder contentMaxBytesPerMember(long contentMaxBytesPerMember) {
      this.contentMaxBytesPerMember =
          range(
              PATH + ".content-max-bytes-per-member",
              contentMaxBytesPerMember,
              1024L * 1024,
              1L << 40);
      return this;
    }

    /** Content entries (all copies) a member holds after a collection, 100..100000000. */
    public Builder contentMaxEntriesPerMember(int contentMaxEntriesPerMember) {
      this.contentMaxEntriesPerMember =
          range(
              PATH + ".content-max-entries-per-member",
              contentMaxEntriesPerMember,
              100,
              100_000_000);
      return this;
    }

    /** Unreferenced content older than this is collected, 1..31536000. */
    public Builder contentMaxAgeSeconds(int contentMaxAgeSeconds) {
      this.contentMaxAgeSeconds =
          range(PATH + ".content-max-age-seconds", contentMaxAgeSeconds, 1, 31_536_000);
      return this;
    }

    /** How often each member collects content and expired tasks, 100..3600000. */
    public Builder collectIntervalMillis(long collectIntervalMillis) {
      this.collectIntervalMillis =
          range(PATH + ".collect-interval-millis", collectIntervalMillis, 100, 3_600_000);
      return this;
    }

    /** How often each member measures latencies and repairs its nodes' neighbours, 50..600000. */
    public Builder topologyRefreshMillis(long topologyRefreshMillis) {
      this.topologyRefreshMillis =
          range(PATH + ".topology-refresh-millis", topologyRefreshMillis, 50, 600_000);
      return this;
    }

    /**
     * A claimed chunk whose node neither answers nor leaves is given to another node after this,
     * 100..3600000.
     */
    public Builder claimLeaseMillis(long claimLeaseMillis) {
      this.claimLeaseMillis = range(PATH + ".claim-lease-millis", claimLeaseMillis, 100, 3_600_000);
      return this;
    }

    /**
     * A task with no progress for this long is injected again from a live node holding it (or any
     * live node), with its first energy, 500..3600000.
     */
    public Builder stallMillis(long stallMillis) {
      this.stallMillis = range(PATH + ".stall-millis", stallMillis, 500, 3_600_000);
      return this;
    }

    /** Threads per member that process chunks (0 = the number of cores), 0..256. */
    public Builder workerThreads(int workerThreads) {
      this.workerThreads = range(PATH + ".worker-threads", workerThreads, 0, 256);
      return this;
    }

    /**
     * Diffusion tasks (live and finished) the grid holds; injecting more is refused, 1..1000000.
     */
    public Builder maxTasks(int maxTasks) {
      this.maxTasks = range(PATH + ".max-tasks", maxTasks, 1, 1_000_000);
      return this;
    }

    /** How long a finished task and its result stay readable, 1..31536000. */
    public Builder finishedTaskTtlSeconds(int finishedTaskTtlSeconds) {
      this.finishedTaskTtlSeconds =
          range(PATH + ".finished-task-ttl-seconds", finishedTaskTtlSeconds, 1, 31_536_000);
      return this;
    }

    /** A task not finished after this is expired with its state, 1..31536000. */
    public Builder maxTaskAgeSeconds(int maxTaskAgeSeconds) {
      this.maxTaskAgeSeconds =
          range(PATH + ".max-task-age-seconds", maxTaskAgeSeconds, 1, 31_536_000);
      return this;
    }

    /**
     * TEST ONLY: this member's nodes lie — every result they compute leaves out the first record of
     * the chunk — so that tests and demos can show voting catch them.
     */
    public Builder corruptResultsForTesting(boolean corruptResultsForTesting) {
      this.corruptResultsForTesting = corruptResultsForTesting;
      return this;
    }

    /** The config; a bad combination of keys is refused naming the key and the value. */
    public DiffusionConfig build() {
      try {
        return new DiffusionConfig(
            neighboursMin,
            neighboursMax,
            longLinks,
            energyDecay,
            stopThreshold,
            maxEnergy,
            redundancy,
            virtualNodes,
            chunkBytes,
            contentCopies,
            contentMaxBytesPerMember,
            contentMaxEntriesPerMember,
            contentMaxAgeSeconds,
            collectIntervalMillis,
            topologyRefreshMillis,
            claimLeaseMillis,
            stallMillis,
            workerThreads,
            maxTasks,
            finishedTaskTtlSeconds,
            maxTaskAgeSeconds,
            corruptResultsForTesting);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
    }
  }
}
