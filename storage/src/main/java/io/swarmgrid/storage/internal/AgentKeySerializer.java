package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.swarm.AgentKey;

/** Compact form of {@link AgentKey}. */
final class AgentKeySerializer implements CompactSerializer<AgentKey> {
  @Override
  public AgentKey read(CompactReader in) {
    return new AgentKey(in.readString("agentId"));
  }

  @Override
  public void write(CompactWriter out, AgentKey k) {
    out.writeString("agentId", k.agentId());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.AgentKey";
  }

  @Override
  public Class<AgentKey> getCompactClass() {
    return AgentKey.class;
  }
}
