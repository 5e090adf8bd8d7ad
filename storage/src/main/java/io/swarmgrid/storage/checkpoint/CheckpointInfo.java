package io.swarmgrid.storage.checkpoint;

/**
 * What a listing shows of a checkpoint: everything but the bytes.
 *
 * @param owner the component that saved it
 * @param version its version
 * @param size snapshot size in bytes
 * @param sha256 hex SHA-256 of the snapshot
 * @param createdAt epoch millis
 */
public record CheckpointInfo(String owner, long version, int size, String sha256, long createdAt) {}
