package io.swarmgrid.storage.propagation.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.swarmgrid.storage.propagation.PropagationHooks;
import java.io.IOException;

/** Sets a node's bandwidth budget on a member. */
public final class BudgetCall extends MemberCall<Boolean> {
  private String nodeId;
  private long bytesPerSecond;

  BudgetCall() {}

  /** A call giving {@code nodeId} a budget of {@code bytesPerSecond} (0: unlimited). */
  public BudgetCall(String nodeId, long bytesPerSecond) {
    this.nodeId = nodeId;
    this.bytesPerSecond = bytesPerSecond;
  }

  @Override
  Boolean callOn(PropagationHooks hooks) {
    hooks.budget(nodeId, bytesPerSecond);
    return Boolean.TRUE;
  }

  @Override
  public int getClassId() {
    return PropagationSerializers.BUDGET;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(nodeId);
    out.writeLong(bytesPerSecond);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    nodeId = in.readString();
    bytesPerSecond = in.readLong();
  }
}
