package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.TallyStatus;
import io.swarmgrid.storage.consensus.Vote;
import java.util.Arrays;
import java.util.List;

/** Compact form of {@link Tally}. */
final class TallySerializer implements CompactSerializer<Tally> {
  @Override
  public Tally read(CompactReader in) {
    return new Tally(
        in.readString("proposalId"),
        DecisionType.valueOf(in.readString("type")),
        List.of(in.readArrayOfString("options")),
        in.readInt64("deadline"),
        in.readInt64("createdAt"),
        in.readFloat64("quorumFraction"),
        List.of(in.readArrayOfString("eligible")),
        in.readArrayOfFloat64("weights"),
        in.readArrayOfInt8("publicKeys"),
        Arrays.asList(in.readArrayOfCompact("votes", Vote.class)),
        Arrays.asList(in.readArrayOfCompact("conflicting", Vote.class)),
        TallyStatus.valueOf(in.readString("status")),
        in.readCompact("decision"));
  }

  @Override
  public void write(CompactWriter out, Tally t) {
    out.writeString("proposalId", t.proposalId());
    out.writeString("type", t.type().name());
    out.writeArrayOfString("options", t.options().toArray(String[]::new));
    out.writeInt64("deadline", t.deadline());
    out.writeInt64("createdAt", t.createdAt());
    out.writeFloat64("quorumFraction", t.quorumFraction());
    out.writeArrayOfString("eligible", t.eligible().toArray(String[]::new));
    out.writeArrayOfFloat64("weights", t.weights());
    out.writeArrayOfInt8("publicKeys", t.publicKeys());
    out.writeArrayOfCompact("votes", t.votes().toArray(Vote[]::new));
    out.writeArrayOfCompact("conflicting", t.conflicting().toArray(Vote[]::new));
    out.writeString("status", t.status().name());
    out.writeCompact("decision", t.decision());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.Tally";
  }

  @Override
  public Class<Tally> getCompactClass() {
    return Tally.class;
  }
}
