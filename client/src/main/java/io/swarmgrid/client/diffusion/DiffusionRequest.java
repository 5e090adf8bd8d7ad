package io.swarmgrid.client.diffusion;

import java.nio.file.Path;

/**
 * What to inject: a workload by name, its input (exactly one of text, a file read by the client, or
 * the hash of content already in {@code swarm.content} — a manifest or plain content), the energy,
 * and optionally the node to inject at (a random node when empty).
 *
 * @param workload the workload's name, as in {@code Workloads.byName}
 * @param text the input as text, or null
 * @param file the input file, or null
 * @param contentHash the input's content hash, or null
 * @param energy the energy it starts with, from the stop threshold to {@code diffusion.max-energy}
 * @param at the node to inject at, or empty for a random node
 */
public record DiffusionRequest(
    String workload, String text, Path file, String contentHash, double energy, String at) {

  /** Normalizes {@code at}. */
  public DiffusionRequest {
    at = at == null ? "" : at;
  }

  /** Runs {@code workload} over {@code text}. */
  public static DiffusionRequest ofText(String workload, String text, double energy) {
    return new DiffusionRequest(workload, text, null, null, energy, "");
  }

  /** Runs {@code workload} over the file {@code file} (read by the client). */
  public static DiffusionRequest ofFile(String workload, Path file, double energy) {
    return new DiffusionRequest(workload, null, file, null, energy, "");
  }

  /** Runs {@code workload} over content already stored under {@code contentHash}. */
  public static DiffusionRequest ofContent(String workload, String contentHash, double energy) {
    return new DiffusionRequest(workload, null, null, contentHash, energy, "");
  }

  /** The same request injected at {@code nodeId}. */
  public DiffusionRequest at(String nodeId) {
    return new DiffusionRequest(workload, text, file, contentHash, energy, nodeId);
  }
}
