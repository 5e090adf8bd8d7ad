package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceKind;
import io.swarmgrid.storage.evidence.SignedPayload;
import java.util.Arrays;

/**
 * Compact form of {@link Evidence}; the kind is written as its name, the material as nested
 * records.
 */
final class EvidenceSerializer implements CompactSerializer<Evidence> {
  @Override
  public Evidence read(CompactReader in) {
    SignedPayload[] material = in.readArrayOfCompact("material", SignedPayload.class);
    return new Evidence(
        in.readString("evidenceId"),
        EvidenceKind.valueOf(in.readString("kind")),
        in.readString("accusedNodeId"),
        in.readString("reporterNodeId"),
        in.readString("subject"),
        in.readInt64("reportedAt"),
        material == null ? null : Arrays.asList(material),
        in.readArrayOfInt8("reporterSignature"));
  }

  @Override
  public void write(CompactWriter out, Evidence e) {
    out.writeString("evidenceId", e.evidenceId());
    out.writeString("kind", e.kind().name());
    out.writeString("accusedNodeId", e.accusedNodeId());
    out.writeString("reporterNodeId", e.reporterNodeId());
    out.writeString("subject", e.subject());
    out.writeInt64("reportedAt", e.reportedAt());
    out.writeArrayOfCompact("material", e.material().toArray(new SignedPayload[0]));
    out.writeArrayOfInt8("reporterSignature", e.reporterSignature());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.Evidence";
  }

  @Override
  public Class<Evidence> getCompactClass() {
    return Evidence.class;
  }
}
