package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.consensus.Vote;

/** Compact form of {@link Vote}. */
final class VoteSerializer implements CompactSerializer<Vote> {
  @Override
  public Vote read(CompactReader in) {
    return new Vote(
        in.readString("proposalId"),
        in.readString("voter"),
        in.readInt32("choice"),
        in.readFloat64("confidence"),
        in.readArrayOfFloat64("reasoning"),
        in.readInt64("timestamp"),
        in.readArrayOfInt8("signature"));
  }

  @Override
  public void write(CompactWriter out, Vote v) {
    out.writeString("proposalId", v.proposalId());
    out.writeString("voter", v.voter());
    out.writeInt32("choice", v.choice());
    out.writeFloat64("confidence", v.confidence());
    out.writeArrayOfFloat64("reasoning", v.reasoning());
    out.writeInt64("timestamp", v.timestamp());
    out.writeArrayOfInt8("signature", v.signature());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.Vote";
  }

  @Override
  public Class<Vote> getCompactClass() {
    return Vote.class;
  }
}
