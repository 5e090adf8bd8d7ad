package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.propagation.PropagationCounts;

/** Compact form of {@link PropagationCounts}. */
final class PropagationCountsSerializer implements CompactSerializer<PropagationCounts> {
  @Override
  public PropagationCounts read(CompactReader in) {
    return new PropagationCounts(
        in.readString("key"),
        in.readInt64("updates"),
        in.readInt64("sent"),
        in.readInt64("bytes"),
        in.readInt64("dropped"),
        in.readInt64("degraded"),
        in.readFloat64("meanLatencyMs"),
        in.readFloat64("maxLatencyMs"),
        in.readFloat64("p99LatencyMs"),
        in.readInt64("budgetBytesPerSecond"));
  }

  @Override
  public void write(CompactWriter out, PropagationCounts c) {
    out.writeString("key", c.key());
    out.writeInt64("updates", c.updates());
    out.writeInt64("sent", c.sent());
    out.writeInt64("bytes", c.bytes());
    out.writeInt64("dropped", c.dropped());
    out.writeInt64("degraded", c.degraded());
    out.writeFloat64("meanLatencyMs", c.meanLatencyMs());
    out.writeFloat64("maxLatencyMs", c.maxLatencyMs());
    out.writeFloat64("p99LatencyMs", c.p99LatencyMs());
    out.writeInt64("budgetBytesPerSecond", c.budgetBytesPerSecond());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.PropagationCounts";
  }

  @Override
  public Class<PropagationCounts> getCompactClass() {
    return PropagationCounts.class;
  }
}
