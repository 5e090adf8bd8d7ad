package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.monitoring.MetricReading;

/** Compact form of {@link MetricReading}. */
final class MetricReadingSerializer implements CompactSerializer<MetricReading> {
  @Override
  public MetricReading read(CompactReader in) {
    return new MetricReading(
        in.readString("nodeId"),
        in.readString("metric"),
        in.readInt64("sequence"),
        in.readInt64("sampledAt"),
        in.readFloat64("value"));
  }

  @Override
  public void write(CompactWriter out, MetricReading r) {
    out.writeString("nodeId", r.nodeId());
    out.writeString("metric", r.metric());
    out.writeInt64("sequence", r.sequence());
    out.writeInt64("sampledAt", r.sampledAt());
    out.writeFloat64("value", r.value());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.MetricReading";
  }

  @Override
  public Class<MetricReading> getCompactClass() {
    return MetricReading.class;
  }
}
