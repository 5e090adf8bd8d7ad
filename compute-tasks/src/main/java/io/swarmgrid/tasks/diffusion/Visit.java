package io.swarmgrid.tasks.diffusion;

/**
 * A task reached a node ({@code swarm.diffusion.visits}, key {@link #key}) with the highest energy
 * so far; the node holds (and knows) the task.
 *
 * @param taskId the task
 * @param nodeId the node
 * @param energy the highest energy it arrived with
 * @param at epoch millis of that arrival
 */
public record Visit(String taskId, String nodeId, double energy, long at) {
  /** The map key of {@code nodeId} holding {@code taskId}. */
  public static String key(String taskId, String nodeId) {
    return taskId + "|" + nodeId;
  }
}
