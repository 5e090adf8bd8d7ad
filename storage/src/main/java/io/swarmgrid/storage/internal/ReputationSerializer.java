package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.reputation.Reputation;

/**
 * Compact form of {@link Reputation}. The fields {@code timeouts}, {@code wrongVotes} and {@code
 * quarantined} came later; records written without them read as zero / false.
 */
final class ReputationSerializer implements CompactSerializer<Reputation> {
  @Override
  public Reputation read(CompactReader in) {
    return new Reputation(
        in.readString("nodeId"),
        in.readFloat64("score"),
        in.readInt64("successes"),
        in.readInt64("failures"),
        in.readInt64("evidenceCount"),
        in.readInt64("updatedAt"),
        in.getFieldKind("timeouts") == FieldKind.INT64 ? in.readInt64("timeouts") : 0,
        in.getFieldKind("wrongVotes") == FieldKind.INT64 ? in.readInt64("wrongVotes") : 0,
        in.getFieldKind("quarantined") == FieldKind.BOOLEAN && in.readBoolean("quarantined"));
  }

  @Override
  public void write(CompactWriter out, Reputation r) {
    out.writeString("nodeId", r.nodeId());
    out.writeFloat64("score", r.score());
    out.writeInt64("successes", r.successes());
    out.writeInt64("failures", r.failures());
    out.writeInt64("evidenceCount", r.evidenceCount());
    out.writeInt64("updatedAt", r.updatedAt());
    out.writeInt64("timeouts", r.timeouts());
    out.writeInt64("wrongVotes", r.wrongVotes());
    out.writeBoolean("quarantined", r.quarantined());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.Reputation";
  }

  @Override
  public Class<Reputation> getCompactClass() {
    return Reputation.class;
  }
}
