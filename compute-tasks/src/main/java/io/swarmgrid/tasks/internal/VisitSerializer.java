package io.swarmgrid.tasks.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.tasks.diffusion.Visit;

/** Compact form of {@link Visit}. */
final class VisitSerializer implements CompactSerializer<Visit> {
  @Override
  public Visit read(CompactReader in) {
    return new Visit(
        in.readString("taskId"),
        in.readString("nodeId"),
        in.readFloat64("energy"),
        in.readInt64("at"));
  }

  @Override
  public void write(CompactWriter out, Visit v) {
    out.writeString("taskId", v.taskId());
    out.writeString("nodeId", v.nodeId());
    out.writeFloat64("energy", v.energy());
    out.writeInt64("at", v.at());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.Visit";
  }

  @Override
  public Class<Visit> getCompactClass() {
    return Visit.class;
  }
}
