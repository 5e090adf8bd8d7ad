package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.breaker.BreakerState;

/** Compact form of {@link BreakerState}. */
final class BreakerStateSerializer implements CompactSerializer<BreakerState> {
  @Override
  public BreakerState read(CompactReader in) {
    return new BreakerState(
        in.readString("nodeId"),
        in.readString("name"),
        in.readString("state"),
        in.readInt64("since"),
        in.readFloat32("failureRatePercent"));
  }

  @Override
  public void write(CompactWriter out, BreakerState s) {
    out.writeString("nodeId", s.nodeId());
    out.writeString("name", s.name());
    out.writeString("state", s.state());
    out.writeInt64("since", s.since());
    out.writeFloat32("failureRatePercent", s.failureRatePercent());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.BreakerState";
  }

  @Override
  public Class<BreakerState> getCompactClass() {
    return BreakerState.class;
  }
}
