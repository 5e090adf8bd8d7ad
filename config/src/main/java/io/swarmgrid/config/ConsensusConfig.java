package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;
import static io.swarmgrid.config.internal.Checks.required;

import java.util.Objects;

/**
 * The consensus engine ({@code swarmgrid.consensus}).
 *
 * @param quorumFraction an option wins when its weight (sum of confidence x reputation) is more
 *     than this share of the electorate's weight (sum of reputations); 0.5..0.99, default 2/3
 * @param maxPayloadBytes largest proposal payload, 0..16777216
 * @param maxVectorLength longest feature or reasoning vector, 1..4096
 * @param maxOptions most options a proposal may offer, 2..64
 * @param maxDeadlineSeconds furthest deadline a proposal may set, 1..604800
 * @param decisionTtlSeconds how long a decision stays readable in {@code swarm.decisions},
 *     60..31536000
 * @param retentionSeconds how long a committed proposal's tally (compacted) and record stay after
 *     the commit, 10..31536000, used up to {@code decisionTtlSeconds} (see {@link
 *     #retentionAfterCommitSeconds}): what each decision leaves behind besides its decision is gone
 *     after it
 * @param cpShards CP atomic references the commit log is spread over (CP state is bounded by shards
 *     x capacity; every commit reads and rewrites its whole shard on each CP member, so many small
 *     shards cost less than a few large ones), 1..256
 * @param cpShardCapacity decisions each CP shard remembers for exactly-once, 16..100000
 * @param commitBatchSize most decisions committed in one Raft operation, 1..1024
 * @param sweepMillis how often each member closes expired tallies and finishes uncommitted
 *     decisions of its partitions, 10..60000
 * @param learning the learned success model
 * @param cp how the CP group that commits decisions is kept at its size
 */
public record ConsensusConfig(
    double quorumFraction,
    int maxPayloadBytes,
    int maxVectorLength,
    int maxOptions,
    int maxDeadlineSeconds,
    int decisionTtlSeconds,
    int retentionSeconds,
    int cpShards,
    int cpShardCapacity,
    int commitBatchSize,
    int sweepMillis,
    LearningConfig learning,
    CpConfig cp) {

  /** The bundled defaults. */
  public static final ConsensusConfig DEFAULTS =
      new ConsensusConfig(
          0.6667,
          65_536,
          256,
          16,
          3600,
          86_400,
          3600,
          256,
          64,
          64,
          100,
          LearningConfig.DEFAULTS,
          CpConfig.DEFAULTS);

  /** Validates every field. */
  public ConsensusConfig {
    range("quorum-fraction", quorumFraction, 0.5, 0.99);
    range("max-payload-bytes", maxPayloadBytes, 0, 16 * 1024 * 1024);
    range("max-vector-length", maxVectorLength, 1, 4096);
    range("max-options", maxOptions, 2, 64);
    range("max-deadline-seconds", maxDeadlineSeconds, 1, 604_800);
    range("decision-ttl-seconds", decisionTtlSeconds, 60, 31_536_000);
    range("retention-seconds", retentionSeconds, 10, 31_536_000);
    range("cp-shards", cpShards, 1, 256);
    range("cp-shard-capacity", cpShardCapacity, 16, 100_000);
    range("commit-batch-size", commitBatchSize, 1, 1024);
    range("sweep-millis", sweepMillis, 10, 60_000);
    learning = learning == null ? LearningConfig.DEFAULTS : learning;
    cp = cp == null ? CpConfig.DEFAULTS : cp;
  }

  /**
   * How long a committed tally and proposal record are kept: {@code retention-seconds}, capped at
   * {@code decision-ttl-seconds}. A tally gone before its decision is harmless; a decision gone
   * before its tally is not (the committer would take a committed tally it finds without a decision
   * for one not yet published). Capped rather than refused, so that a configuration that sets only
   * a short decision TTL keeps working.
   */
  public int retentionAfterCommitSeconds() {
    return Math.min(retentionSeconds, decisionTtlSeconds);
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from {@code base}. */
  public static Builder from(ConsensusConfig base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  /** The defaults (the same as {@link #DEFAULTS}). */
  public static ConsensusConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Builds a {@link ConsensusConfig}; each setter rejects a bad value at once, {@link #build}
   * checks the keys that depend on each other.
   */
  public static final class Builder {
    private static final String PATH = "swarmgrid.consensus";

    private double quorumFraction;
    private int maxPayloadBytes;
    private int maxVectorLength;
    private int maxOptions;
    private int maxDeadlineSeconds;
    private int decisionTtlSeconds;
    private int retentionSeconds;
    private int cpShards;
    private int cpShardCapacity;
    private int commitBatchSize;
    private int sweepMillis;
    private LearningConfig learning;
    private CpConfig cp;

    private Builder(ConsensusConfig c) {
      quorumFraction = c.quorumFraction;
      maxPayloadBytes = c.maxPayloadBytes;
      maxVectorLength = c.maxVectorLength;
      maxOptions = c.maxOptions;
      maxDeadlineSeconds = c.maxDeadlineSeconds;
      decisionTtlSeconds = c.decisionTtlSeconds;
      retentionSeconds = c.retentionSeconds;
      cpShards = c.cpShards;
      cpShardCapacity = c.cpShardCapacity;
      commitBatchSize = c.commitBatchSize;
      sweepMillis = c.sweepMillis;
      learning = c.learning;
      cp = c.cp;
    }

    /**
     * An option wins when its weight (sum of confidence x reputation) is more than this share of
     * the electorate's weight (sum of reputations); 0.5..0.99, default 2/3.
     */
    public Builder quorumFraction(double quorumFraction) {
      this.quorumFraction = range(PATH + ".quorum-fraction", quorumFraction, 0.5, 0.99);
      return this;
    }

    /** Largest proposal payload, 0..16777216. */
    public Builder maxPayloadBytes(int maxPayloadBytes) {
      this.maxPayloadBytes =
          range(PATH + ".max-payload-bytes", maxPayloadBytes, 0, 16 * 1024 * 1024);
      return this;
    }

    /** Longest feature or reasoning vector, 1..4096. */
    public Builder maxVectorLength(int maxVectorLength) {
      this.maxVectorLength = range(PATH + ".max-vector-length", maxVectorLength, 1, 4096);
      return this;
    }

    /** Most options a proposal may offer, 2..64. */
    public Builder maxOptions(int maxOptions) {
      this.maxOptions = range(PATH + ".max-options", maxOptions, 2, 64);
      return this;
    }

    /** Furthest deadline a proposal may set, 1..604800. */
    public Builder maxDeadlineSeconds(int maxDeadlineSeconds) {
      this.maxDeadlineSeconds =
          range(PATH + ".max-deadline-seconds", maxDeadlineSeconds, 1, 604_800);
      return this;
    }

    /** How long a decision stays readable in {@code swarm.decisions}, 60..31536000. */
    public Builder decisionTtlSeconds(int decisionTtlSeconds) {
      this.decisionTtlSeconds =
          range(PATH + ".decision-ttl-seconds", decisionTtlSeconds, 60, 31_536_000);
      return this;
    }

    /**
     * How long a committed proposal's tally (compacted) and record stay after the commit,
     * 10..31536000, used up to {@code decision-ttl-seconds}.
     */
    public Builder retentionSeconds(int retentionSeconds) {
      this.retentionSeconds = range(PATH + ".retention-seconds", retentionSeconds, 10, 31_536_000);
      return this;
    }

    /**
     * CP atomic references the commit log is spread over (CP state is bounded by shards x
     * capacity), 1..256.
     */
    public Builder cpShards(int cpShards) {
      this.cpShards = range(PATH + ".cp-shards", cpShards, 1, 256);
      return this;
    }

    /** Decisions each CP shard remembers for exactly-once, 16..100000. */
    public Builder cpShardCapacity(int cpShardCapacity) {
      this.cpShardCapacity = range(PATH + ".cp-shard-capacity", cpShardCapacity, 16, 100_000);
      return this;
    }

    /** Most decisions committed in one Raft operation, 1..1024. */
    public Builder commitBatchSize(int commitBatchSize) {
      this.commitBatchSize = range(PATH + ".commit-batch-size", commitBatchSize, 1, 1024);
      return this;
    }

    /**
     * How often each member closes expired tallies and finishes uncommitted decisions of its
     * partitions, 10..60000.
     */
    public Builder sweepMillis(int sweepMillis) {
      this.sweepMillis = range(PATH + ".sweep-millis", sweepMillis, 10, 60_000);
      return this;
    }

    /** How the CP group that commits decisions is kept at its size ({@code consensus.cp}). */
    public Builder cp(CpConfig cp) {
      this.cp = required(PATH + ".cp", cp, "the cp section");
      return this;
    }

    /** The learned success model. */
    public Builder learning(LearningConfig learning) {
      this.learning = required(PATH + ".learning", learning, "a learning section");
      return this;
    }

    /** The config; a bad combination of keys is refused naming the key and the value. */
    public ConsensusConfig build() {
      try {
        return new ConsensusConfig(
            quorumFraction,
            maxPayloadBytes,
            maxVectorLength,
            maxOptions,
            maxDeadlineSeconds,
            decisionTtlSeconds,
            retentionSeconds,
            cpShards,
            cpShardCapacity,
            commitBatchSize,
            sweepMillis,
            learning,
            cp);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
    }
  }
}
