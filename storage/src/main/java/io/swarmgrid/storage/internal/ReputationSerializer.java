package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.reputation.Reputation;

/** Compact form of {@link Reputation}. */
public final class ReputationSerializer implements CompactSerializer<Reputation> {
  @Override
  public Reputation read(CompactReader in) {
    return new Reputation(
        in.readString("nodeId"),
        in.readFloat64("score"),
        in.readInt64("successes"),
        in.readInt64("failures"),
        in.readInt64("evidenceCount"),
        in.readInt64("updatedAt"));
  }

  @Override
  public void write(CompactWriter out, Reputation r) {
    out.writeString("nodeId", r.nodeId());
    out.writeFloat64("score", r.score());
    out.writeInt64("successes", r.successes());
    out.writeInt64("failures", r.failures());
    out.writeInt64("evidenceCount", r.evidenceCount());
    out.writeInt64("updatedAt", r.updatedAt());
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
