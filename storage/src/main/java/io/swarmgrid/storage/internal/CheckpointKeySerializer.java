package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.checkpoint.CheckpointKey;

/** Compact form of {@link CheckpointKey}. */
final class CheckpointKeySerializer implements CompactSerializer<CheckpointKey> {
  @Override
  public CheckpointKey read(CompactReader in) {
    return new CheckpointKey(in.readString("owner"), in.readInt64("version"));
  }

  @Override
  public void write(CompactWriter out, CheckpointKey k) {
    out.writeString("owner", k.owner());
    out.writeInt64("version", k.version());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.CheckpointKey";
  }

  @Override
  public Class<CheckpointKey> getCompactClass() {
    return CheckpointKey.class;
  }
}
