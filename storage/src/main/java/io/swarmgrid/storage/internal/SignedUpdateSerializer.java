package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.learning.SignedUpdate;

/** Compact form of {@link SignedUpdate}. */
final class SignedUpdateSerializer implements CompactSerializer<SignedUpdate> {
  @Override
  public SignedUpdate read(CompactReader in) {
    return new SignedUpdate(
        in.readString("jobId"),
        in.readInt32("round"),
        in.readInt32("attempt"),
        in.readString("participant"),
        in.readInt64("samples"),
        in.readArrayOfFloat64("weights"),
        in.readArrayOfInt8("signature"));
  }

  @Override
  public void write(CompactWriter out, SignedUpdate v) {
    out.writeString("jobId", v.jobId());
    out.writeInt32("round", v.round());
    out.writeInt32("attempt", v.attempt());
    out.writeString("participant", v.participant());
    out.writeInt64("samples", v.samples());
    out.writeArrayOfFloat64("weights", v.weights());
    out.writeArrayOfInt8("signature", v.signature());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.SignedUpdate";
  }

  @Override
  public Class<SignedUpdate> getCompactClass() {
    return SignedUpdate.class;
  }
}
