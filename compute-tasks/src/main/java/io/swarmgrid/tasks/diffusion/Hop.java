package io.swarmgrid.tasks.diffusion;

/**
 * A message in a member's diffusion inbox (an {@code IQueue} named {@link #inbox}): pass task
 * {@code taskId} to {@code toNode} with {@code energy}, or (with {@code finish}) merge its result
 * at the origin.
 *
 * @param taskId the task
 * @param toNode the receiving node
 * @param energy the energy it arrives with
 * @param fromNode the sending node (empty for an injection)
 * @param finish whether this asks the origin to merge the result
 */
public record Hop(String taskId, String toNode, double energy, String fromNode, boolean finish) {
  /** Prefix of the inbox queues. */
  public static final String INBOX_PREFIX = "swarm.diffusion.inbox.";

  /** The inbox of the member whose node is {@code hostNodeId}. */
  public static String inbox(String hostNodeId) {
    return INBOX_PREFIX + hostNodeId;
  }
}
