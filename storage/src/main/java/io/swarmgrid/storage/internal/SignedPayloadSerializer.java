package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.evidence.SignedPayload;

/** Compact form of {@link SignedPayload}. */
final class SignedPayloadSerializer implements CompactSerializer<SignedPayload> {
  @Override
  public SignedPayload read(CompactReader in) {
    return new SignedPayload(
        in.readString("signerNodeId"),
        in.readArrayOfInt8("payload"),
        in.readArrayOfInt8("signature"));
  }

  @Override
  public void write(CompactWriter out, SignedPayload p) {
    out.writeString("signerNodeId", p.signerNodeId());
    out.writeArrayOfInt8("payload", p.payload());
    out.writeArrayOfInt8("signature", p.signature());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.SignedPayload";
  }

  @Override
  public Class<SignedPayload> getCompactClass() {
    return SignedPayload.class;
  }
}
