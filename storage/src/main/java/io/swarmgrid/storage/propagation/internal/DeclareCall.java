package io.swarmgrid.storage.propagation.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.PropagationHooks;
import java.io.IOException;

/** Declares a node's interest in a state or pattern on a member. */
public final class DeclareCall extends MemberCall<Boolean> {
  private String key;
  private String nodeId;
  private InterestLevel level;

  DeclareCall() {}

  /** A call declaring {@code nodeId}'s {@code level} of interest in {@code key}. */
  public DeclareCall(String key, String nodeId, InterestLevel level) {
    this.key = key;
    this.nodeId = nodeId;
    this.level = level;
  }

  @Override
  Boolean callOn(PropagationHooks hooks) {
    hooks.declare(key, nodeId, level);
    return Boolean.TRUE;
  }

  @Override
  public int getClassId() {
    return PropagationSerializers.DECLARE;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(key);
    out.writeString(nodeId);
    out.writeString(level.name());
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    key = in.readString();
    nodeId = in.readString();
    level = InterestLevel.parse(in.readString());
  }
}
