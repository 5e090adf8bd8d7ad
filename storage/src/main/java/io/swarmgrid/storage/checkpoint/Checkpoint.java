package io.swarmgrid.storage.checkpoint;

import java.util.List;

/**
 * A saved snapshot. Compact type name {@code swarmgrid.Checkpoint}.
 *
 * @param owner the component that saved it
 * @param version 1, 2, ... per owner
 * @param data the snapshot bytes
 * @param sha256 lower-case hex SHA-256 of {@code data}, checked on restore
 * @param createdAt epoch millis
 * @param conflicts other snapshots saved under the same owner and version on the other side of a
 *     split brain, kept by the merge (each without conflicts of its own); empty normally
 */
public record Checkpoint(
    String owner,
    long version,
    byte[] data,
    String sha256,
    long createdAt,
    List<Checkpoint> conflicts) {

  /** Copies the list. */
  public Checkpoint {
    conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
  }

  /** A snapshot without conflicts. */
  public Checkpoint(String owner, long version, byte[] data, String sha256, long createdAt) {
    this(owner, version, data, sha256, createdAt, List.of());
  }

  /** Its key in {@code swarm.checkpoints}. */
  public CheckpointKey key() {
    return new CheckpointKey(owner, version);
  }

  /** Metadata only, for listings. */
  public CheckpointInfo info() {
    return new CheckpointInfo(owner, version, data.length, sha256, createdAt);
  }
}
