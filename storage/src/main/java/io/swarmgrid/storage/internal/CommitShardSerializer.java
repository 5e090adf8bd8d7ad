package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.consensus.CommitShard;
import io.swarmgrid.storage.consensus.Decision;
import java.util.Arrays;

/** Compact form of {@link CommitShard}. */
public final class CommitShardSerializer implements CompactSerializer<CommitShard> {
  @Override
  public CommitShard read(CompactReader in) {
    return new CommitShard(Arrays.asList(in.readArrayOfCompact("decisions", Decision.class)), in.readInt64("forgottenCreatedAt"));
  }

  @Override
  public void write(CompactWriter out, CommitShard s) {
    out.writeArrayOfCompact("decisions", s.decisions().toArray(Decision[]::new));
    out.writeInt64("forgottenCreatedAt", s.forgottenCreatedAt());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.CommitShard";
  }

  @Override
  public Class<CommitShard> getCompactClass() {
    return CommitShard.class;
  }
}
