package io.swarmgrid.storage.content;

import java.util.List;

/**
 * A large input stored as chunks: the hashes of the chunks in order and their total size. A
 * manifest is content itself (JSON, so any language can read it), addressed by its own hash.
 *
 * @param hash SHA-256 of the manifest's JSON bytes, its key in {@code swarm.content}
 * @param chunks SHA-256 of each chunk, in input order
 * @param totalBytes sum of the chunks' sizes
 */
public record Manifest(String hash, List<String> chunks, long totalBytes) {
  /** Copies the list. */
  public Manifest {
    chunks = List.copyOf(chunks);
  }
}
