package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import java.util.List;

/** Compact form of {@link Proposal}. */
final class ProposalSerializer implements CompactSerializer<Proposal> {
  @Override
  public Proposal read(CompactReader in) {
    return new Proposal(
        in.readString("id"),
        in.readString("proposer"),
        DecisionType.valueOf(in.readString("type")),
        in.readInt32("priority"),
        in.readInt64("deadline"),
        in.readFloat64("confidence"),
        in.readArrayOfFloat64("features"),
        in.readArrayOfInt8("payload"),
        List.of(in.readArrayOfString("options")),
        List.of(in.readArrayOfString("electorate")),
        in.readInt64("createdAt"));
  }

  @Override
  public void write(CompactWriter out, Proposal p) {
    out.writeString("id", p.id());
    out.writeString("proposer", p.proposer());
    out.writeString("type", p.type().name());
    out.writeInt32("priority", p.priority());
    out.writeInt64("deadline", p.deadline());
    out.writeFloat64("confidence", p.confidence());
    out.writeArrayOfFloat64("features", p.features());
    out.writeArrayOfInt8("payload", p.payload());
    out.writeArrayOfString("options", p.options().toArray(String[]::new));
    out.writeArrayOfString("electorate", p.electorate().toArray(String[]::new));
    out.writeInt64("createdAt", p.createdAt());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.Proposal";
  }

  @Override
  public Class<Proposal> getCompactClass() {
    return Proposal.class;
  }
}
