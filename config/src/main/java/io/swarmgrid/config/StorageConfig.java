package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;

import java.util.Objects;

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

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from {@code base}. */
  public static Builder from(StorageConfig base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  /** The defaults (the same as {@link #DEFAULTS}). */
  public static StorageConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Builds a {@link StorageConfig}; each setter rejects a bad value at once, {@link #build} checks
   * the keys that depend on each other.
   */
  public static final class Builder {
    private static final String PATH = "swarmgrid.storage";

    private int backupCount;
    private int eventJournalCapacity;
    private int maxEntriesPerMember;
    private int checkpointMaxBytes;
    private int checkpointRetainedVersions;
    private int pheromoneTtlSeconds;
    private int goneNodeTtlSeconds;

    private Builder(StorageConfig c) {
      backupCount = c.backupCount;
      eventJournalCapacity = c.eventJournalCapacity;
      maxEntriesPerMember = c.maxEntriesPerMember;
      checkpointMaxBytes = c.checkpointMaxBytes;
      checkpointRetainedVersions = c.checkpointRetainedVersions;
      pheromoneTtlSeconds = c.pheromoneTtlSeconds;
      goneNodeTtlSeconds = c.goneNodeTtlSeconds;
    }

    /**
     * Synchronous backups of every map that holds state, 1..6 (at least one, so that nothing
     * acknowledged is lost when one member dies).
     */
    public Builder backupCount(int backupCount) {
      this.backupCount = range(PATH + ".backup-count", backupCount, 1, 6);
      return this;
    }

    /**
     * Event journal capacity (entries, per map) of maps that replicate across regions,
     * 1000..10000000.
     */
    public Builder eventJournalCapacity(int eventJournalCapacity) {
      this.eventJournalCapacity =
          range(PATH + ".event-journal-capacity", eventJournalCapacity, 1000, 10_000_000);
      return this;
    }

    /**
     * Size bound of the bounded maps (interests, content, pheromones, evidence), per member,
     * 100..100000000.
     */
    public Builder maxEntriesPerMember(int maxEntriesPerMember) {
      this.maxEntriesPerMember =
          range(PATH + ".max-entries-per-member", maxEntriesPerMember, 100, 100_000_000);
      return this;
    }

    /** Largest checkpoint snapshot accepted, 1..268435456 bytes. */
    public Builder checkpointMaxBytes(int checkpointMaxBytes) {
      this.checkpointMaxBytes =
          range(PATH + ".checkpoint-max-bytes", checkpointMaxBytes, 1, 256 * 1024 * 1024);
      return this;
    }

    /** Checkpoint versions kept per owner, 1..1000. */
    public Builder checkpointRetainedVersions(int checkpointRetainedVersions) {
      this.checkpointRetainedVersions =
          range(PATH + ".checkpoint-retained-versions", checkpointRetainedVersions, 1, 1000);
      return this;
    }

    /** How long an untouched pheromone trail lives, 1..86400. */
    public Builder pheromoneTtlSeconds(int pheromoneTtlSeconds) {
      this.pheromoneTtlSeconds =
          range(PATH + ".pheromone-ttl-seconds", pheromoneTtlSeconds, 1, 86_400);
      return this;
    }

    /** How long a node marked gone stays in the registry, 60..31536000. */
    public Builder goneNodeTtlSeconds(int goneNodeTtlSeconds) {
      this.goneNodeTtlSeconds =
          range(PATH + ".gone-node-ttl-seconds", goneNodeTtlSeconds, 60, 31_536_000);
      return this;
    }

    /** The config; a bad combination of keys is refused naming the key and the value. */
    public StorageConfig build() {
      try {
        return new StorageConfig(
            backupCount,
            eventJournalCapacity,
            maxEntriesPerMember,
            checkpointMaxBytes,
            checkpointRetainedVersions,
            pheromoneTtlSeconds,
            goneNodeTtlSeconds);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
    }
  }
}
