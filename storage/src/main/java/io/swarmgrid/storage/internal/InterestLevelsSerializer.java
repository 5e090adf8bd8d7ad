package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.interest.InterestLevels;

/** Compact form of {@link InterestLevels}: parallel arrays of node ids and levels. */
final class InterestLevelsSerializer implements CompactSerializer<InterestLevels> {
  @Override
  public InterestLevels read(CompactReader in) {
    return InterestLevels.of(
        in.readString("stateId"),
        in.readArrayOfString("nodeIds"),
        in.readArrayOfFloat64("levels"),
        in.readInt64("updatedAt"));
  }

  @Override
  public void write(CompactWriter out, InterestLevels i) {
    out.writeString("stateId", i.stateId());
    out.writeArrayOfString("nodeIds", i.nodeIds());
    out.writeArrayOfFloat64("levels", i.levelArray());
    out.writeInt64("updatedAt", i.updatedAt());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.InterestLevels";
  }

  @Override
  public Class<InterestLevels> getCompactClass() {
    return InterestLevels.class;
  }
}
