package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.recovery.RecoveryEvent;
import io.swarmgrid.storage.recovery.RecoveryKind;
import java.util.List;

/** Compact form of {@link RecoveryEvent}. */
final class RecoveryEventSerializer implements CompactSerializer<RecoveryEvent> {
  @Override
  public RecoveryEvent read(CompactReader in) {
    return new RecoveryEvent(
        in.readString("eventId"),
        in.readString("lostNode"),
        in.readString("lostMember"),
        RecoveryKind.valueOf(in.readString("kind")),
        in.readInt64("detectedAt"),
        in.readInt64("graceMillis"),
        in.readInt32("itemsFound"),
        in.readInt32("itemsReassigned"),
        List.of(in.readArrayOfString("targets")),
        in.readInt64("reassignMillis"),
        in.readInt64("detectToLastReassignMillis"),
        in.readInt64("finishedAt"));
  }

  @Override
  public void write(CompactWriter out, RecoveryEvent e) {
    out.writeString("eventId", e.eventId());
    out.writeString("lostNode", e.lostNode());
    out.writeString("lostMember", e.lostMember());
    out.writeString("kind", e.kind().name());
    out.writeInt64("detectedAt", e.detectedAt());
    out.writeInt64("graceMillis", e.graceMillis());
    out.writeInt32("itemsFound", e.itemsFound());
    out.writeInt32("itemsReassigned", e.itemsReassigned());
    out.writeArrayOfString("targets", e.targets().toArray(String[]::new));
    out.writeInt64("reassignMillis", e.reassignMillis());
    out.writeInt64("detectToLastReassignMillis", e.detectToLastReassignMillis());
    out.writeInt64("finishedAt", e.finishedAt());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.RecoveryEvent";
  }

  @Override
  public Class<RecoveryEvent> getCompactClass() {
    return RecoveryEvent.class;
  }
}
