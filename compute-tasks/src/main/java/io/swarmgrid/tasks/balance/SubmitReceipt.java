package io.swarmgrid.tasks.balance;

import java.io.Serializable;

/**
 * What a submission came to. A plain serializable record, so that a client reads it without Compact
 * schemas.
 *
 * @param taskId the task's id
 * @param state the task's state right after submission (assigned, queued or unschedulable)
 * @param node the node it went to, or empty
 * @param reason why it is queued or unschedulable, or empty
 */
public record SubmitReceipt(String taskId, String state, String node, String reason)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
