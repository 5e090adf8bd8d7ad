package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeStatus;
import java.util.List;

/**
 * Compact form of {@link NodeInfo}; enums as their names so that any client language reads them.
 */
final class NodeInfoSerializer implements CompactSerializer<NodeInfo> {
  @Override
  public NodeInfo read(CompactReader in) {
    return new NodeInfo(
        in.readString("nodeId"),
        in.readString("region"),
        NodeTier.valueOf(in.readString("tier")),
        List.of(in.readArrayOfString("capabilities")),
        new Capacity(in.readInt32("cpuCores"), in.readInt64("memoryMb"), in.readInt32("gpus")),
        in.readArrayOfInt8("publicKey"),
        NodeStatus.valueOf(in.readString("status")),
        in.readString("memberUuid"),
        in.readString("address"),
        List.of(in.readArrayOfString("engines")),
        in.readString("version"),
        in.readInt64("registeredAt"),
        in.readInt64("lastSeen"));
  }

  @Override
  public void write(CompactWriter out, NodeInfo n) {
    out.writeString("nodeId", n.nodeId());
    out.writeString("region", n.region());
    out.writeString("tier", n.tier().name());
    out.writeArrayOfString("capabilities", n.capabilities().toArray(String[]::new));
    out.writeInt32("cpuCores", n.capacity().cpuCores());
    out.writeInt64("memoryMb", n.capacity().memoryMb());
    out.writeInt32("gpus", n.capacity().gpus());
    out.writeArrayOfInt8("publicKey", n.publicKey());
    out.writeString("status", n.status().name());
    out.writeString("memberUuid", n.memberUuid());
    out.writeString("address", n.address());
    out.writeArrayOfString("engines", n.engines().toArray(String[]::new));
    out.writeString("version", n.version());
    out.writeInt64("registeredAt", n.registeredAt());
    out.writeInt64("lastSeen", n.lastSeen());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.NodeInfo";
  }

  @Override
  public Class<NodeInfo> getCompactClass() {
    return NodeInfo.class;
  }
}
