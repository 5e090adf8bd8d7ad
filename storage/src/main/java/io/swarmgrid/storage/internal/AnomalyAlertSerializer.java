package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.monitoring.AnomalyAlert;
import java.util.List;

/** Compact form of {@link AnomalyAlert}. */
final class AnomalyAlertSerializer implements CompactSerializer<AnomalyAlert> {
  @Override
  public AnomalyAlert read(CompactReader in) {
    return new AnomalyAlert(
        in.readString("proposalId"),
        in.readString("key"),
        in.readString("example"),
        in.readString("proposer"),
        List.of(in.readArrayOfString("voters")),
        in.readFloat64("supportFraction"),
        in.readInt64("raisedAt"));
  }

  @Override
  public void write(CompactWriter out, AnomalyAlert a) {
    out.writeString("proposalId", a.proposalId());
    out.writeString("key", a.key());
    out.writeString("example", a.example());
    out.writeString("proposer", a.proposer());
    out.writeArrayOfString("voters", a.voters().toArray(String[]::new));
    out.writeFloat64("supportFraction", a.supportFraction());
    out.writeInt64("raisedAt", a.raisedAt());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.AnomalyAlert";
  }

  @Override
  public Class<AnomalyAlert> getCompactClass() {
    return AnomalyAlert.class;
  }
}
