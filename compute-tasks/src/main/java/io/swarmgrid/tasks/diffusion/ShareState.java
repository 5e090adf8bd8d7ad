package io.swarmgrid.tasks.diffusion;

import java.io.Serializable;
import java.util.List;

/**
 * One chunk of a task in {@code swarm.diffusion.shares} (key {@link #key}): who claimed it, the
 * copies' results, and the agreed result once a quorum of equal copies exists.
 *
 * @param taskId the task
 * @param chunk the chunk's index
 * @param claims nodes processing it now
 * @param copies results handed in
 * @param agreed the agreed result, or null
 */
public record ShareState(
    String taskId, int chunk, List<Claim> claims, List<CopyResult> copies, Serializable agreed) {
  /** Copies the lists. */
  public ShareState {
    claims = List.copyOf(claims);
    copies = List.copyOf(copies);
  }

  /** The map key of chunk {@code chunk} of {@code taskId}. */
  public static String key(String taskId, int chunk) {
    return taskId + "/" + chunk;
  }

  /** Whether a quorum agreed. */
  public boolean isAgreed() {
    return agreed != null;
  }
}
