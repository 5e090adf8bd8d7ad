package io.swarmgrid.storage.checkpoint;

/**
 * A saved snapshot. Compact type name {@code swarmgrid.Checkpoint}.
 *
 * @param owner the component that saved it
 * @param version 1, 2, ... per owner
 * @param data the snapshot bytes
 * @param sha256 lower-case hex SHA-256 of {@code data}, checked on restore
 * @param createdAt epoch millis
 */
public record Checkpoint(String owner, long version, byte[] data, String sha256, long createdAt) {

  /** Its key in {@code swarm.checkpoints}. */
  public CheckpointKey key() {
    return new CheckpointKey(owner, version);
  }

  /** Metadata only, for listings. */
  public CheckpointInfo info() {
    return new CheckpointInfo(owner, version, data.length, sha256, createdAt);
  }
}
