package io.swarmgrid.tasks.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.tasks.diffusion.Hop;

/** Compact form of {@link Hop}, in a member's diffusion inbox queue. */
final class HopSerializer implements CompactSerializer<Hop> {
  @Override
  public Hop read(CompactReader in) {
    return new Hop(
        in.readString("taskId"),
        in.readString("toNode"),
        in.readFloat64("energy"),
        in.readString("fromNode"),
        in.readBoolean("finish"));
  }

  @Override
  public void write(CompactWriter out, Hop v) {
    out.writeString("taskId", v.taskId());
    out.writeString("toNode", v.toNode());
    out.writeFloat64("energy", v.energy());
    out.writeString("fromNode", v.fromNode());
    out.writeBoolean("finish", v.finish());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.DiffusionHop";
  }

  @Override
  public Class<Hop> getCompactClass() {
    return Hop.class;
  }
}
