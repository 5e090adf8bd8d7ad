package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.swarm.PatternEffect;
import io.swarmgrid.storage.swarm.PatternEvent;
import io.swarmgrid.storage.swarm.PatternKind;

/** Compact form of {@link PatternEvent}; enums as their names. */
final class PatternEventSerializer implements CompactSerializer<PatternEvent> {
  @Override
  public PatternEvent read(CompactReader in) {
    return new PatternEvent(
        in.readString("patternId"),
        in.readString("swarm"),
        PatternKind.valueOf(in.readString("kind")),
        PatternEffect.valueOf(in.readString("effect")),
        in.readInt64("tick"),
        in.readString("evidence"),
        in.readString("response"));
  }

  @Override
  public void write(CompactWriter out, PatternEvent e) {
    out.writeString("patternId", e.patternId());
    out.writeString("swarm", e.swarm());
    out.writeString("kind", e.kind().name());
    out.writeString("effect", e.effect().name());
    out.writeInt64("tick", e.tick());
    out.writeString("evidence", e.evidence());
    out.writeString("response", e.response());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.PatternEvent";
  }

  @Override
  public Class<PatternEvent> getCompactClass() {
    return PatternEvent.class;
  }
}
