package io.swarmgrid.tasks.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.tasks.diffusion.DiffusionTask;
import io.swarmgrid.tasks.diffusion.DiffusionTaskState;
import java.io.Serializable;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Compact form of {@link DiffusionTask}: the agreed chunks as the bit set's words ({@code
 * BitSet.toLongArray}), the result as a nested Compact workload result (null until done).
 */
final class DiffusionTaskSerializer implements CompactSerializer<DiffusionTask> {
  @Override
  public DiffusionTask read(CompactReader in) {
    return new DiffusionTask(
        in.readString("taskId"),
        in.readString("workload"),
        in.readString("contentHash"),
        Arrays.asList(in.readArrayOfString("chunks")),
        in.readFloat64("energy"),
        in.readString("originNode"),
        in.readInt32("redundancy"),
        in.readInt32("quorum"),
        in.readFloat64("decay"),
        in.readFloat64("threshold"),
        in.readInt64("createdAt"),
        DiffusionTaskState.valueOf(in.readString("state")),
        BitSet.valueOf(in.readArrayOfInt64("agreed")),
        in.readInt64("lastProgressAt"),
        in.readInt32("reinjections"),
        in.<Serializable>readCompact("result"),
        in.readInt64("finishedAt"),
        in.readString("finishedBy"));
  }

  @Override
  public void write(CompactWriter out, DiffusionTask t) {
    out.writeString("taskId", t.taskId());
    out.writeString("workload", t.workload());
    out.writeString("contentHash", t.contentHash());
    out.writeArrayOfString("chunks", t.chunks().toArray(new String[0]));
    out.writeFloat64("energy", t.energy());
    out.writeString("originNode", t.originNode());
    out.writeInt32("redundancy", t.redundancy());
    out.writeInt32("quorum", t.quorum());
    out.writeFloat64("decay", t.decay());
    out.writeFloat64("threshold", t.threshold());
    out.writeInt64("createdAt", t.createdAt());
    out.writeString("state", t.state().name());
    out.writeArrayOfInt64("agreed", t.agreed().toLongArray());
    out.writeInt64("lastProgressAt", t.lastProgressAt());
    out.writeInt32("reinjections", t.reinjections());
    out.writeCompact("result", t.result());
    out.writeInt64("finishedAt", t.finishedAt());
    out.writeString("finishedBy", t.finishedBy());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.DiffusionTask";
  }

  @Override
  public Class<DiffusionTask> getCompactClass() {
    return DiffusionTask.class;
  }
}
