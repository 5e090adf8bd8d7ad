package io.swarmgrid.tasks.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.tasks.diffusion.TopologyNode;
import java.util.Arrays;

/**
 * Compact form of {@link TopologyNode}; its links are nested {@code swarmgrid.TopologyLink}
 * records.
 */
final class TopologyNodeSerializer implements CompactSerializer<TopologyNode> {
  @Override
  public TopologyNode read(CompactReader in) {
    return new TopologyNode(
        in.readString("nodeId"),
        in.readString("hostNodeId"),
        in.readString("hostUuid"),
        Arrays.asList(in.readArrayOfCompact("neighbours", TopologyNode.Link.class)),
        in.readInt64("updatedAt"));
  }

  @Override
  public void write(CompactWriter out, TopologyNode v) {
    out.writeString("nodeId", v.nodeId());
    out.writeString("hostNodeId", v.hostNodeId());
    out.writeString("hostUuid", v.hostUuid());
    out.writeArrayOfCompact("neighbours", v.neighbours().toArray(new TopologyNode.Link[0]));
    out.writeInt64("updatedAt", v.updatedAt());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.TopologyNode";
  }

  @Override
  public Class<TopologyNode> getCompactClass() {
    return TopologyNode.class;
  }
}
