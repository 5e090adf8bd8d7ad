package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.consensus.EquivocationEvidence;

/** Compact form of {@link EquivocationEvidence}. */
public final class EquivocationEvidenceSerializer implements CompactSerializer<EquivocationEvidence> {
  @Override
  public EquivocationEvidence read(CompactReader in) {
    return new EquivocationEvidence(
        in.readString("id"),
        in.readString("proposalId"),
        in.readString("voter"),
        in.readCompact("first"),
        in.readCompact("second"),
        in.readString("recordedBy"),
        in.readInt64("recordedAt"));
  }

  @Override
  public void write(CompactWriter out, EquivocationEvidence e) {
    out.writeString("id", e.id());
    out.writeString("proposalId", e.proposalId());
    out.writeString("voter", e.voter());
    out.writeCompact("first", e.first());
    out.writeCompact("second", e.second());
    out.writeString("recordedBy", e.recordedBy());
    out.writeInt64("recordedAt", e.recordedAt());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.EquivocationEvidence";
  }

  @Override
  public Class<EquivocationEvidence> getCompactClass() {
    return EquivocationEvidence.class;
  }
}
