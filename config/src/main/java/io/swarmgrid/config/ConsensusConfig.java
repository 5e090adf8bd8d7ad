package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;

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
 * @param cpShards CP atomic references the commit log is spread over (CP state is bounded by shards
 *     x capacity), 1..256
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
          16,
          1024,
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
    range("cp-shards", cpShards, 1, 256);
    range("cp-shard-capacity", cpShardCapacity, 16, 100_000);
    range("commit-batch-size", commitBatchSize, 1, 1024);
    range("sweep-millis", sweepMillis, 10, 60_000);
    learning = learning == null ? LearningConfig.DEFAULTS : learning;
    cp = cp == null ? CpConfig.DEFAULTS : cp;
  }

  /** As the canonical constructor, with the default {@link CpConfig}. */
  public ConsensusConfig(
      double quorumFraction,
      int maxPayloadBytes,
      int maxVectorLength,
      int maxOptions,
      int maxDeadlineSeconds,
      int decisionTtlSeconds,
      int cpShards,
      int cpShardCapacity,
      int commitBatchSize,
      int sweepMillis,
      LearningConfig learning) {
    this(
        quorumFraction,
        maxPayloadBytes,
        maxVectorLength,
        maxOptions,
        maxDeadlineSeconds,
        decisionTtlSeconds,
        cpShards,
        cpShardCapacity,
        commitBatchSize,
        sweepMillis,
        learning,
        CpConfig.DEFAULTS);
  }

  /** This config with {@code cp} instead. */
  public ConsensusConfig withCp(CpConfig cp) {
    return new ConsensusConfig(
        quorumFraction,
        maxPayloadBytes,
        maxVectorLength,
        maxOptions,
        maxDeadlineSeconds,
        decisionTtlSeconds,
        cpShards,
        cpShardCapacity,
        commitBatchSize,
        sweepMillis,
        learning,
        cp);
  }
}
