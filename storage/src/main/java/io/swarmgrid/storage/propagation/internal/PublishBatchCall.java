package io.swarmgrid.storage.propagation.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.swarmgrid.storage.propagation.PropagationHooks;
import io.swarmgrid.storage.propagation.StateUpdate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a source's updates of one state, in order, on the owner of the state's partition: one
 * call for many updates. Answers one outcome per update.
 */
public final class PublishBatchCall extends MemberCall<PublishAnswer> {
  private List<StateUpdate> updates;
  private boolean resent;
  private byte[] batchSignature;
  private long after;

  PublishBatchCall() {}

  /**
   * A call publishing {@code updates}; {@code resent} if it is sent again after the member it went
   * to left (the new owner may have recorded some of them already); {@code batchSignature} the
   * source's signature of {@code StateUpdate.batchSigningBytes(updates)}, or null to have each
   * update's own signature checked.
   */
  public PublishBatchCall(List<StateUpdate> updates, boolean resent, byte[] batchSignature) {
    this(updates, resent, batchSignature, 0);
  }

  /**
   * As {@link #PublishBatchCall(List, boolean, byte[])}, following the call of the same state whose
   * last update was {@code after} (0: none): the owner takes this one after that one.
   */
  public PublishBatchCall(
      List<StateUpdate> updates, boolean resent, byte[] batchSignature, long after) {
    this.updates = List.copyOf(updates);
    this.resent = resent;
    this.batchSignature = batchSignature;
    this.after = after;
  }

  @Override
  PublishAnswer callOn(PropagationHooks hooks) {
    return new PublishAnswer(hooks.publishAll(updates, resent, batchSignature, after));
  }

  @Override
  public int getClassId() {
    return PropagationSerializers.PUBLISH_BATCH;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeBoolean(resent);
    out.writeByteArray(batchSignature);
    out.writeLong(after);
    out.writeInt(updates.size());
    for (StateUpdate u : updates) {
      out.writeObject(u);
    }
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    resent = in.readBoolean();
    batchSignature = in.readByteArray();
    after = in.readLong();
    int n = in.readInt();
    List<StateUpdate> read = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      read.add(in.readObject());
    }
    updates = List.copyOf(read);
  }
}
