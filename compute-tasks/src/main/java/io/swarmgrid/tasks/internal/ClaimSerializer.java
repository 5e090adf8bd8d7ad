package io.swarmgrid.tasks.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.tasks.diffusion.Claim;

/** Compact form of {@link Claim}. */
final class ClaimSerializer implements CompactSerializer<Claim> {
  @Override
  public Claim read(CompactReader in) {
    return new Claim(
        in.readString("nodeId"),
        in.readString("hostNodeId"),
        in.readString("hostUuid"),
        in.readInt64("claimedAt"));
  }

  @Override
  public void write(CompactWriter out, Claim v) {
    out.writeString("nodeId", v.nodeId());
    out.writeString("hostNodeId", v.hostNodeId());
    out.writeString("hostUuid", v.hostUuid());
    out.writeInt64("claimedAt", v.claimedAt());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.DiffusionClaim";
  }

  @Override
  public Class<Claim> getCompactClass() {
    return Claim.class;
  }
}
