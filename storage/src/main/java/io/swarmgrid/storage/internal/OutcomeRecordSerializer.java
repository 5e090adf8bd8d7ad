package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.OutcomeRecord;

/** Compact form of {@link OutcomeRecord}. */
final class OutcomeRecordSerializer implements CompactSerializer<OutcomeRecord> {
  @Override
  public OutcomeRecord read(CompactReader in) {
    return new OutcomeRecord(
        in.readString("proposalId"),
        DecisionType.valueOf(in.readString("type")),
        in.readInt32("priority"),
        in.readFloat64("proposerConfidence"),
        in.readArrayOfFloat64("features"),
        in.readFloat64("approveWeightFraction"),
        in.readFloat64("meanVoterConfidence"),
        in.readInt32("voteCount"),
        in.readBoolean("success"),
        in.readInt64("reportedAt"));
  }

  @Override
  public void write(CompactWriter out, OutcomeRecord o) {
    out.writeString("proposalId", o.proposalId());
    out.writeString("type", o.type().name());
    out.writeInt32("priority", o.priority());
    out.writeFloat64("proposerConfidence", o.proposerConfidence());
    out.writeArrayOfFloat64("features", o.features());
    out.writeFloat64("approveWeightFraction", o.approveWeightFraction());
    out.writeFloat64("meanVoterConfidence", o.meanVoterConfidence());
    out.writeInt32("voteCount", o.voteCount());
    out.writeBoolean("success", o.success());
    out.writeInt64("reportedAt", o.reportedAt());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.OutcomeRecord";
  }

  @Override
  public Class<OutcomeRecord> getCompactClass() {
    return OutcomeRecord.class;
  }
}
