package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.checkpoint.Checkpoint;
import java.util.Arrays;
import java.util.List;

/** Compact form of {@link Checkpoint}. */
final class CheckpointSerializer implements CompactSerializer<Checkpoint> {
  @Override
  public Checkpoint read(CompactReader in) {
    return new Checkpoint(
        in.readString("owner"),
        in.readInt64("version"),
        in.readArrayOfInt8("data"),
        in.readString("sha256"),
        in.readInt64("createdAt"),
        // Absent in snapshots written before conflicts were kept.
        in.getFieldKind("conflicts") == FieldKind.ARRAY_OF_COMPACT
            ? Arrays.asList(in.readArrayOfCompact("conflicts", Checkpoint.class))
            : List.of());
  }

  @Override
  public void write(CompactWriter out, Checkpoint c) {
    out.writeString("owner", c.owner());
    out.writeInt64("version", c.version());
    out.writeArrayOfInt8("data", c.data());
    out.writeString("sha256", c.sha256());
    out.writeInt64("createdAt", c.createdAt());
    out.writeArrayOfCompact("conflicts", c.conflicts().toArray(new Checkpoint[0]));
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.Checkpoint";
  }

  @Override
  public Class<Checkpoint> getCompactClass() {
    return Checkpoint.class;
  }
}
