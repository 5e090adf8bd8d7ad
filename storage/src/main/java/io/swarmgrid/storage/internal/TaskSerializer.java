package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.balance.ResourceRequirements;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskState;
import java.util.Arrays;

/** Compact form of {@link Task}; its requirements are flattened into {@code req*} fields. */
final class TaskSerializer implements CompactSerializer<Task> {
  @Override
  public Task read(CompactReader in) {
    String[] caps = in.readArrayOfString("reqCapabilities");
    ResourceRequirements req =
        new ResourceRequirements(
            in.readFloat64("reqCpu"),
            in.readInt64("reqMemoryMb"),
            in.readInt32("reqGpus"),
            caps == null ? null : Arrays.asList(caps));
    return new Task(
        in.readString("taskId"),
        in.readString("type"),
        in.readInt32("priority"),
        req,
        in.readInt64("estimatedMillis"),
        in.readString("dataKey"),
        in.readInt64("deadline"),
        in.readString("input"),
        TaskState.valueOf(in.readString("state")),
        in.readString("reason"),
        in.readString("node"),
        in.readInt64("epoch"),
        in.readInt32("attempts"),
        in.readFloat64("progress"),
        in.readString("result"),
        in.readFloat64("predictedMillis"),
        in.readInt64("submittedAt"),
        in.readInt64("assignedAt"),
        in.readInt64("startedAt"),
        in.readInt64("finishedAt"),
        // Absent in records written before leases existed (a rolling upgrade): no renewal yet.
        in.getFieldKind("renewedAt") == FieldKind.INT64 ? in.readInt64("renewedAt") : 0);
  }

  @Override
  public void write(CompactWriter out, Task t) {
    out.writeString("taskId", t.taskId());
    out.writeString("type", t.type());
    out.writeInt32("priority", t.priority());
    out.writeFloat64("reqCpu", t.requirements().cpu());
    out.writeInt64("reqMemoryMb", t.requirements().memoryMb());
    out.writeInt32("reqGpus", t.requirements().gpus());
    out.writeArrayOfString(
        "reqCapabilities", t.requirements().capabilities().toArray(new String[0]));
    out.writeInt64("estimatedMillis", t.estimatedMillis());
    out.writeString("dataKey", t.dataKey());
    out.writeInt64("deadline", t.deadline());
    out.writeString("input", t.input());
    out.writeString("state", t.state().name());
    out.writeString("reason", t.reason());
    out.writeString("node", t.node());
    out.writeInt64("epoch", t.epoch());
    out.writeInt32("attempts", t.attempts());
    out.writeFloat64("progress", t.progress());
    out.writeString("result", t.result());
    out.writeFloat64("predictedMillis", t.predictedMillis());
    out.writeInt64("submittedAt", t.submittedAt());
    out.writeInt64("assignedAt", t.assignedAt());
    out.writeInt64("startedAt", t.startedAt());
    out.writeInt64("finishedAt", t.finishedAt());
    out.writeInt64("renewedAt", t.renewedAt());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.Task";
  }

  @Override
  public Class<Task> getCompactClass() {
    return Task.class;
  }
}
