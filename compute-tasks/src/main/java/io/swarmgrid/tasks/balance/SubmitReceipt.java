package io.swarmgrid.tasks.balance;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import java.io.IOException;
import java.util.Objects;

/**
 * What a submission came to. IdentifiedDataSerializable, not Compact, so that a client reads it
 * without fetching a schema only the member that made it knows.
 *
 * @param taskId the task's id
 * @param state the task's state right after submission (assigned, queued or unschedulable)
 * @param node the node it went to, or empty
 * @param reason why it is queued or unschedulable, or empty
 */
public final class SubmitReceipt implements IdentifiedDataSerializable {
  private String taskId;
  private String state;
  private String node;
  private String reason;

  /** For deserialization only. */
  public SubmitReceipt() {}

  /** The value. */
  public SubmitReceipt(String taskId, String state, String node, String reason) {
    this.taskId = taskId;
    this.state = state;
    this.node = node;
    this.reason = reason;
  }

  /** The taskId. */
  public String taskId() {
    return taskId;
  }

  /** The state. */
  public String state() {
    return state;
  }

  /** The node. */
  public String node() {
    return node;
  }

  /** The reason. */
  public String reason() {
    return reason;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.BALANCE;
  }

  @Override
  public int getClassId() {
    return BalanceTasks.Factory.RECEIPT;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(taskId);
    out.writeString(state);
    out.writeString(node);
    out.writeString(reason);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    taskId = in.readString();
    state = in.readString();
    node = in.readString();
    reason = in.readString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SubmitReceipt v
        && Objects.equals(taskId, v.taskId)
        && Objects.equals(state, v.state)
        && Objects.equals(node, v.node)
        && Objects.equals(reason, v.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(taskId, state, node, reason);
  }

  @Override
  public String toString() {
    return "SubmitReceipt[taskId="
        + taskId
        + ", state="
        + state
        + ", node="
        + node
        + ", reason="
        + reason
        + "]";
  }
}
