package io.swarmgrid.client.diffusion;

import io.swarmgrid.storage.content.Manifest;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Energy-based diffusion from a client ({@code SwarmClient.diffusion()}). Needs members running
 * {@code engines.diffusion}. Every call checks its input first and, when refused, names the field
 * and the value and writes nothing.
 */
public interface DiffusionClient {
  /**
   * Injects a task and returns its id. The input is chunked at record boundaries and stored in
   * {@code swarm.content} first (content already there is not stored again).
   *
   * @throws IllegalArgumentException naming the field and value: unknown workload, energy out of
   *     range, no or several inputs, a missing or unreadable file, an unknown node, a content hash
   *     that is malformed, not stored, or whose every copy fails verification
   */
  String inject(DiffusionRequest request);

  /**
   * Spreads information — the content under {@code contentHash} — from a random node with {@code
   * energy}, the way tasks spread, with nothing to process; returns the id to follow it by.
   */
  String spread(String contentHash, double energy);

  /**
   * Where task {@code taskId} is.
   *
   * @throws IllegalArgumentException if there is no such task (never injected, or expired)
   */
  DiffusionProgress progress(String taskId);

  /**
   * Waits up to {@code timeout} for task {@code taskId} and returns its merged result.
   *
   * @throws IllegalArgumentException if there is no such task or its result is not a {@code type}
   * @throws IllegalStateException if it expired or did not finish in time (with its progress)
   */
  <R extends Serializable> R result(String taskId, Class<R> type, Duration timeout);

  /** The topology now: nodes, edges, latencies. */
  Topology topology();

  /** Stores {@code bytes} in {@code swarm.content} and returns their SHA-256 hash. */
  String putContent(byte[] bytes);

  /**
   * The bytes under {@code hash}, verified (a corrupted copy is refused and another copy read).
   *
   * @throws IllegalArgumentException naming the hash if it is malformed, missing, or no copy
   *     verifies
   */
  byte[] getContent(String hash);

  /** Chunks {@code file} for {@code workload} and stores its chunks and manifest. */
  Manifest putInput(String workload, Path file);
}
