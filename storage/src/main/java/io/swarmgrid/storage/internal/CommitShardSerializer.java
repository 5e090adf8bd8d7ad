package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.consensus.CommitShard;

/**
 * Compact form of {@link CommitShard}: flat arrays, cheap to read and write in the Raft state
 * machine.
 */
final class CommitShardSerializer implements CompactSerializer<CommitShard> {
  @Override
  public CommitShard read(CompactReader in) {
    return new CommitShard(
        in.readArrayOfString("proposalIds"),
        in.readArrayOfInt64("decidedAts"),
        in.readArrayOfInt32("outcomes"),
        in.readArrayOfInt32("ends"),
        in.readArrayOfFloat64("predicted"),
        in.readArrayOfFloat64("thresholds"),
        in.readInt64("forgotten"));
  }

  @Override
  public void write(CompactWriter out, CommitShard s) {
    out.writeArrayOfString("proposalIds", s.proposalIds());
    out.writeArrayOfInt64("decidedAts", s.decidedAts());
    out.writeArrayOfInt32("outcomes", s.outcomes());
    out.writeArrayOfInt32("ends", s.ends());
    out.writeArrayOfFloat64("predicted", s.predicted());
    out.writeArrayOfFloat64("thresholds", s.thresholds());
    out.writeInt64("forgotten", s.forgotten());
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
