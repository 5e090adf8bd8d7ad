package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.swarm.AgentState;
import io.swarmgrid.storage.swarm.AgentStatus;
import java.util.Arrays;

/** Compact form of {@link AgentState}; lists as string arrays, the status as its name. */
final class AgentStateSerializer implements CompactSerializer<AgentState> {
  @Override
  public AgentState read(CompactReader in) {
    return new AgentState(
        in.readString("agentId"),
        in.readString("type"),
        Arrays.asList(in.readArrayOfString("capabilities")),
        Arrays.asList(in.readArrayOfString("memory")),
        in.readInt32("memoryLimit"),
        Arrays.asList(in.readArrayOfString("links")),
        in.readString("data"),
        AgentStatus.valueOf(in.readString("status")),
        in.readInt64("tick"),
        in.readInt64("steps"),
        in.readInt64("work"),
        in.readString("lastError"),
        in.readInt64("createdAt"));
  }

  @Override
  public void write(CompactWriter out, AgentState a) {
    out.writeString("agentId", a.agentId());
    out.writeString("type", a.type());
    out.writeArrayOfString("capabilities", a.capabilities().toArray(new String[0]));
    out.writeArrayOfString("memory", a.memory().toArray(new String[0]));
    out.writeInt32("memoryLimit", a.memoryLimit());
    out.writeArrayOfString("links", a.links().toArray(new String[0]));
    out.writeString("data", a.data());
    out.writeString("status", a.status().name());
    out.writeInt64("tick", a.tick());
    out.writeInt64("steps", a.steps());
    out.writeInt64("work", a.work());
    out.writeString("lastError", a.lastError());
    out.writeInt64("createdAt", a.createdAt());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.AgentState";
  }

  @Override
  public Class<AgentState> getCompactClass() {
    return AgentState.class;
  }
}
