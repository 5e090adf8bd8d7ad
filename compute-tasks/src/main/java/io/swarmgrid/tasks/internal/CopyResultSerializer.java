package io.swarmgrid.tasks.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.tasks.diffusion.CopyResult;
import java.io.Serializable;

/** Compact form of {@link CopyResult}; the result is a nested Compact workload result. */
final class CopyResultSerializer implements CompactSerializer<CopyResult> {
  @Override
  public CopyResult read(CompactReader in) {
    return new CopyResult(
        in.readString("nodeId"),
        in.readString("hostNodeId"),
        in.readString("hostUuid"),
        in.<Serializable>readCompact("result"),
        in.readArrayOfInt8("payload"),
        in.readArrayOfInt8("signature"));
  }

  @Override
  public void write(CompactWriter out, CopyResult v) {
    out.writeString("nodeId", v.nodeId());
    out.writeString("hostNodeId", v.hostNodeId());
    out.writeString("hostUuid", v.hostUuid());
    out.writeCompact("result", v.result());
    out.writeArrayOfInt8("payload", v.payload());
    out.writeArrayOfInt8("signature", v.signature());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.DiffusionCopy";
  }

  @Override
  public Class<CopyResult> getCompactClass() {
    return CopyResult.class;
  }
}
