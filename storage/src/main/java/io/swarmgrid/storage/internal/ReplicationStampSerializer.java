package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.region.ReplicationStamp;

/** Compact form of {@link ReplicationStamp}. */
final class ReplicationStampSerializer implements CompactSerializer<ReplicationStamp> {
  @Override
  public ReplicationStamp read(CompactReader in) {
    return new ReplicationStamp(
        in.readString("origin"),
        in.readInt64("time"),
        in.readInt64("version"),
        in.readInt64("hash"),
        in.readBoolean("removed"),
        in.readBoolean("pending"));
  }

  @Override
  public void write(CompactWriter out, ReplicationStamp s) {
    out.writeString("origin", s.origin());
    out.writeInt64("time", s.time());
    out.writeInt64("version", s.version());
    out.writeInt64("hash", s.hash());
    out.writeBoolean("removed", s.removed());
    out.writeBoolean("pending", s.pending());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.ReplicationStamp";
  }

  @Override
  public Class<ReplicationStamp> getCompactClass() {
    return ReplicationStamp.class;
  }
}
