package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.balance.TaskKey;

/**
 * Compact form of {@link TaskKey}. The partition still comes from its data key: Hazelcast asks the
 * key object ({@code PartitionAware}) before it serializes it.
 */
final class TaskKeySerializer implements CompactSerializer<TaskKey> {
  @Override
  public TaskKey read(CompactReader in) {
    return new TaskKey(in.readString("taskId"));
  }

  @Override
  public void write(CompactWriter out, TaskKey k) {
    out.writeString("taskId", k.taskId());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.TaskKey";
  }

  @Override
  public Class<TaskKey> getCompactClass() {
    return TaskKey.class;
  }
}
