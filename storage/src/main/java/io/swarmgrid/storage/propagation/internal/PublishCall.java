package io.swarmgrid.storage.propagation.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.swarmgrid.storage.propagation.PropagationHooks;
import io.swarmgrid.storage.propagation.StateUpdate;
import java.io.IOException;

/** Publishes one update on the owner of its state's partition; answers the number of targets. */
public final class PublishCall extends MemberCall<Integer> {
  private StateUpdate update;

  PublishCall() {}

  /** A call publishing {@code update}. */
  public PublishCall(StateUpdate update) {
    this.update = update;
  }

  @Override
  Integer callOn(PropagationHooks hooks) {
    return hooks.publish(update);
  }

  @Override
  public int getClassId() {
    return PropagationSerializers.PUBLISH;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeObject(update);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    update = in.readObject();
  }
}
