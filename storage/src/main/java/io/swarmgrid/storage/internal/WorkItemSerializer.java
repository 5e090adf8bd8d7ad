package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.work.WorkItem;
import io.swarmgrid.storage.work.WorkState;

/** Compact form of {@link WorkItem}. */
final class WorkItemSerializer implements CompactSerializer<WorkItem> {
  @Override
  public WorkItem read(CompactReader in) {
    return new WorkItem(
        in.readString("workId"),
        in.readString("kind"),
        in.readString("ownerNode"),
        WorkState.valueOf(in.readString("state")),
        in.readInt64("epoch"),
        in.readInt64("createdAt"),
        in.readInt64("assignedAt"),
        in.readInt64("completedAt"));
  }

  @Override
  public void write(CompactWriter out, WorkItem w) {
    out.writeString("workId", w.workId());
    out.writeString("kind", w.kind());
    out.writeString("ownerNode", w.ownerNode());
    out.writeString("state", w.state().name());
    out.writeInt64("epoch", w.epoch());
    out.writeInt64("createdAt", w.createdAt());
    out.writeInt64("assignedAt", w.assignedAt());
    out.writeInt64("completedAt", w.completedAt());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.WorkItem";
  }

  @Override
  public Class<WorkItem> getCompactClass() {
    return WorkItem.class;
  }
}
