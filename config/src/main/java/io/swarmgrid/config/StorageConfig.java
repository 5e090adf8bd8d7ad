package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;

/**
 * Bounds and safety settings of the grid maps. Every growing map has a limit or a TTL here.
 *
 * @param backupCount synchronous backups of every map that holds state, 1..6 (at least one, so that
 *     nothing acknowledged is lost when one member dies)
 * @param eventJournalCapacity event journal capacity (entries, per map) of maps that replicate
 *     across regions, 1000..10000000
 * @param maxEntriesPerMember entries per data member that the writer-bounded maps (evidence,
 *     outcomes) may hold; more are refused, never evicted, 100..100000000
 * @param checkpointMaxBytes largest checkpoint snapshot accepted, 1..268435456 bytes
 * @param checkpointRetainedVersions checkpoint versions kept per owner, 1..1000
 * @param pheromoneTtlSeconds how long an untouched pheromone trail lives, 1..86400
 * @param goneNodeTtlSeconds how long a node marked gone stays in the registry, 60..31536000
 */
public record StorageConfig(
    int backupCount,
    int eventJournalCapacity,
    int maxEntriesPerMember,
    int checkpointMaxBytes,
    int checkpointRetainedVersions,
    int pheromoneTtlSeconds,
    int goneNodeTtlSeconds) {

  /** The defaults of the bundled {@code swarmgrid-default.yaml}. */
  public static final StorageConfig DEFAULTS =
      new StorageConfig(1, 100_000, 1_000_000, 16 * 1024 * 1024, 10, 600, 86_400);

  /** Validates every field. */
  public StorageConfig {
    range("backup-count", backupCount, 1, 6);
    range("event-journal-capacity", eventJournalCapacity, 1000, 10_000_000);
    range("max-entries-per-member", maxEntriesPerMember, 100, 100_000_000);
    range("checkpoint-max-bytes", checkpointMaxBytes, 1, 256 * 1024 * 1024);
    range("checkpoint-retained-versions", checkpointRetainedVersions, 1, 1000);
    range("pheromone-ttl-seconds", pheromoneTtlSeconds, 1, 86_400);
    range("gone-node-ttl-seconds", goneNodeTtlSeconds, 60, 31_536_000);
  }
}
