package io.swarmgrid.tasks.consensus;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.ProposalRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Field-by-field encodings of consensus values inside {@code IdentifiedDataSerializable} tasks. */
final class ConsensusWire {
  private ConsensusWire() {}

  static void writeRequest(ObjectDataOutput out, ProposalRequest r) throws IOException {
    out.writeString(r.id());
    out.writeString(r.proposer());
    out.writeString(r.type() == null ? null : r.type().name());
    out.writeInt(r.priority());
    out.writeLong(r.deadline());
    out.writeDouble(r.confidence());
    out.writeDoubleArray(r.features());
    out.writeByteArray(r.payload());
    writeStrings(out, r.options());
    writeStrings(out, r.electorate());
  }

  static ProposalRequest readRequest(ObjectDataInput in) throws IOException {
    String id = in.readString();
    String proposer = in.readString();
    String type = in.readString();
    return new ProposalRequest(
        id,
        proposer,
        type == null ? null : DecisionType.valueOf(type),
        in.readInt(),
        in.readLong(),
        in.readDouble(),
        in.readDoubleArray(),
        in.readByteArray(),
        readStrings(in),
        readStrings(in));
  }

  static void writeStrings(ObjectDataOutput out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      out.writeString(s);
    }
  }

  static List<String> readStrings(ObjectDataInput in) throws IOException {
    int n = in.readInt();
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(in.readString());
    }
    return List.copyOf(list);
  }
}
