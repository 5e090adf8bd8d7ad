package io.swarmgrid.tasks.consensus;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.consensus.VoteReceipt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The receipts of the votes {@link ApplyVotes} applied to one tally, in the order given. */
public final class VoteResults implements IdentifiedDataSerializable {
  private List<VoteReceipt> receipts;

  /** For deserialization. */
  public VoteResults() {}

  VoteResults(List<VoteReceipt> receipts) {
    this.receipts = List.copyOf(receipts);
  }

  /** The receipts. */
  public List<VoteReceipt> receipts() {
    return receipts;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CONSENSUS;
  }

  @Override
  public int getClassId() {
    return ConsensusFactory.VOTE_RESULTS;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeInt(receipts.size());
    for (VoteReceipt r : receipts) {
      new VoteResult(r).writeData(out);
    }
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    int n = in.readInt();
    List<VoteReceipt> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      VoteResult one = new VoteResult();
      one.readData(in);
      list.add(one.receipt());
    }
    receipts = List.copyOf(list);
  }
}
