package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.region.ReplicationStatus;

/** Compact form of {@link ReplicationStatus}. */
final class ReplicationStatusSerializer implements CompactSerializer<ReplicationStatus> {
  @Override
  public ReplicationStatus read(CompactReader in) {
    return new ReplicationStatus(
        in.readString("map"),
        in.readString("source"),
        in.readString("target"),
        in.readString("member"),
        in.readString("state"),
        in.readInt64("shipped"),
        in.readInt64("applied"),
        in.readInt64("rejected"),
        in.readInt64("backlog"),
        in.readInt64("lagMillis"),
        in.readInt64("lagP99Millis"),
        in.readFloat64("opsPerSecond"),
        in.readString("lastError"),
        in.readInt64("lastErrorAt"),
        in.readInt64("resyncs"),
        in.readInt64("updatedAt"),
        in.readString("policy"),
        // Absent in statuses written before the field existed.
        in.getFieldKind("lostEvents") == FieldKind.INT64 ? in.readInt64("lostEvents") : 0);
  }

  @Override
  public void write(CompactWriter out, ReplicationStatus s) {
    out.writeString("map", s.map());
    out.writeString("source", s.source());
    out.writeString("target", s.target());
    out.writeString("member", s.member());
    out.writeString("state", s.state());
    out.writeInt64("shipped", s.shipped());
    out.writeInt64("applied", s.applied());
    out.writeInt64("rejected", s.rejected());
    out.writeInt64("backlog", s.backlog());
    out.writeInt64("lagMillis", s.lagMillis());
    out.writeInt64("lagP99Millis", s.lagP99Millis());
    out.writeFloat64("opsPerSecond", s.opsPerSecond());
    out.writeString("lastError", s.lastError());
    out.writeInt64("lastErrorAt", s.lastErrorAt());
    out.writeInt64("resyncs", s.resyncs());
    out.writeInt64("updatedAt", s.updatedAt());
    out.writeString("policy", s.policy());
    out.writeInt64("lostEvents", s.lostEvents());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.ReplicationStatus";
  }

  @Override
  public Class<ReplicationStatus> getCompactClass() {
    return ReplicationStatus.class;
  }
}
