package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.learning.TrainingShard;

/** Compact form of {@link TrainingShard}. */
final class TrainingShardSerializer implements CompactSerializer<TrainingShard> {
  @Override
  public TrainingShard read(CompactReader in) {
    return new TrainingShard(
        in.readString("dataName"),
        in.readInt32("shard"),
        in.readInt32("rows"),
        in.readInt32("cols"),
        in.readArrayOfInt8("pixels"),
        in.readArrayOfInt8("labels"));
  }

  @Override
  public void write(CompactWriter out, TrainingShard v) {
    out.writeString("dataName", v.dataName());
    out.writeInt32("shard", v.shard());
    out.writeInt32("rows", v.rows());
    out.writeInt32("cols", v.cols());
    out.writeArrayOfInt8("pixels", v.pixels());
    out.writeArrayOfInt8("labels", v.labels());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.TrainingShard";
  }

  @Override
  public Class<TrainingShard> getCompactClass() {
    return TrainingShard.class;
  }
}
