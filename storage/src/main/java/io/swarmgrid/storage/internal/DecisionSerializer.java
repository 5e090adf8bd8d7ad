package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.DecisionType;
import java.util.List;

/** Compact form of {@link Decision}. */
final class DecisionSerializer implements CompactSerializer<Decision> {
  @Override
  public Decision read(CompactReader in) {
    return new Decision(
        in.readString("proposalId"),
        DecisionType.valueOf(in.readString("type")),
        in.readInt32("outcome"),
        in.readString("outcomeLabel"),
        DecisionEnd.valueOf(in.readString("end")),
        in.readArrayOfFloat64("optionWeights"),
        in.readFloat64("eligibleWeight"),
        List.of(in.readArrayOfString("voters")),
        in.readFloat64("meanConfidence"),
        List.of(in.readArrayOfString("equivocators")),
        in.readInt64("createdAt"),
        in.readInt64("decidedAt"),
        in.readFloat64("predictedSuccess"),
        in.readFloat64("threshold"),
        in.readString("note"));
  }

  @Override
  public void write(CompactWriter out, Decision d) {
    out.writeString("proposalId", d.proposalId());
    out.writeString("type", d.type().name());
    out.writeInt32("outcome", d.outcome());
    out.writeString("outcomeLabel", d.outcomeLabel());
    out.writeString("end", d.end().name());
    out.writeArrayOfFloat64("optionWeights", d.optionWeights());
    out.writeFloat64("eligibleWeight", d.eligibleWeight());
    out.writeArrayOfString("voters", d.voters().toArray(String[]::new));
    out.writeFloat64("meanConfidence", d.meanConfidence());
    out.writeArrayOfString("equivocators", d.equivocators().toArray(String[]::new));
    out.writeInt64("createdAt", d.createdAt());
    out.writeInt64("decidedAt", d.decidedAt());
    out.writeFloat64("predictedSuccess", d.predictedSuccess());
    out.writeFloat64("threshold", d.threshold());
    out.writeString("note", d.note());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.Decision";
  }

  @Override
  public Class<Decision> getCompactClass() {
    return Decision.class;
  }
}
