package io.swarmgrid.tasks.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.tasks.diffusion.Claim;
import io.swarmgrid.tasks.diffusion.CopyResult;
import io.swarmgrid.tasks.diffusion.ShareState;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Compact form of {@link ShareState}; claims, copies and the agreed result are nested Compact
 * records.
 */
final class ShareStateSerializer implements CompactSerializer<ShareState> {
  @Override
  public ShareState read(CompactReader in) {
    return new ShareState(
        in.readString("taskId"),
        in.readInt32("chunk"),
        Arrays.asList(in.readArrayOfCompact("claims", Claim.class)),
        Arrays.asList(in.readArrayOfCompact("copies", CopyResult.class)),
        in.<Serializable>readCompact("agreed"));
  }

  @Override
  public void write(CompactWriter out, ShareState v) {
    out.writeString("taskId", v.taskId());
    out.writeInt32("chunk", v.chunk());
    out.writeArrayOfCompact("claims", v.claims().toArray(new Claim[0]));
    out.writeArrayOfCompact("copies", v.copies().toArray(new CopyResult[0]));
    out.writeCompact("agreed", v.agreed());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.DiffusionShare";
  }

  @Override
  public Class<ShareState> getCompactClass() {
    return ShareState.class;
  }
}
