package io.swarmgrid.tasks.consensus;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.consensus.VoteReceipt;
import io.swarmgrid.storage.consensus.VoteStatus;
import java.io.IOException;

/** A {@link VoteReceipt} on its way back from the tally's partition (the decision as Compact). */
final class VoteResult implements IdentifiedDataSerializable {
  private VoteReceipt receipt;

  VoteResult() {}

  VoteResult(VoteReceipt receipt) {
    this.receipt = receipt;
  }

  VoteReceipt receipt() {
    return receipt;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CONSENSUS;
  }

  @Override
  public int getClassId() {
    return ConsensusFactory.VOTE_RESULT;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(receipt.proposalId());
    out.writeString(receipt.voter());
    out.writeString(receipt.status().name());
    out.writeString(receipt.reason());
    out.writeObject(receipt.decision());
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    receipt =
        new VoteReceipt(
            in.readString(),
            in.readString(),
            VoteStatus.valueOf(in.readString()),
            in.readString(),
            in.readObject());
  }
}
