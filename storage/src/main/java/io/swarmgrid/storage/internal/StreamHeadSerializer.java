package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.propagation.StateUpdate;
import io.swarmgrid.storage.propagation.StreamHead;

/** Compact form of {@link StreamHead}; the updates as nested Compact records. */
final class StreamHeadSerializer implements CompactSerializer<StreamHead> {
  @Override
  public StreamHead read(CompactReader in) {
    return new StreamHead(
        in.readString("stateId"),
        in.readString("source"),
        in.<StateUpdate>readCompact("keyframe"),
        in.<StateUpdate>readCompact("delta"));
  }

  @Override
  public void write(CompactWriter out, StreamHead h) {
    out.writeString("stateId", h.stateId());
    out.writeString("source", h.source());
    out.writeCompact("keyframe", h.keyframe());
    out.writeCompact("delta", h.delta());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.StreamHead";
  }

  @Override
  public Class<StreamHead> getCompactClass() {
    return StreamHead.class;
  }
}
