package io.swarmgrid.tasks.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.tasks.diffusion.TopologyNode;

/** Compact form of {@link TopologyNode.Link}. */
final class TopologyLinkSerializer implements CompactSerializer<TopologyNode.Link> {
  @Override
  public TopologyNode.Link read(CompactReader in) {
    return new TopologyNode.Link(
        in.readString("nodeId"), in.readInt64("latencyMicros"), in.readBoolean("longLink"));
  }

  @Override
  public void write(CompactWriter out, TopologyNode.Link v) {
    out.writeString("nodeId", v.nodeId());
    out.writeInt64("latencyMicros", v.latencyMicros());
    out.writeBoolean("longLink", v.longLink());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.TopologyLink";
  }

  @Override
  public Class<TopologyNode.Link> getCompactClass() {
    return TopologyNode.Link.class;
  }
}
