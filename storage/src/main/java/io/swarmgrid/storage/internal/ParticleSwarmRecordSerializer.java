package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.swarm.ParticleSwarmRecord;

/** Compact form of {@link ParticleSwarmRecord}. */
final class ParticleSwarmRecordSerializer implements CompactSerializer<ParticleSwarmRecord> {
  @Override
  public ParticleSwarmRecord read(CompactReader in) {
    return new ParticleSwarmRecord(
        in.readString("swarmId"),
        in.readString("objective"),
        in.readInt32("dimension"),
        in.readInt32("particles"),
        in.readInt64("budget"),
        in.readInt64("evaluations"),
        in.readArrayOfFloat64("bestPosition"),
        in.readFloat64("bestValue"),
        in.readInt64("lastImprovementTick"),
        in.readString("proposalId"),
        in.readInt64("proposedTick"),
        in.readInt32("proposals"),
        in.readBoolean("adopted"),
        optionalDouble(in, "lower"),
        optionalDouble(in, "upper"));
  }

  @Override
  public void write(CompactWriter out, ParticleSwarmRecord r) {
    out.writeString("swarmId", r.swarmId());
    out.writeString("objective", r.objective());
    out.writeInt32("dimension", r.dimension());
    out.writeInt32("particles", r.particles());
    out.writeInt64("budget", r.budget());
    out.writeInt64("evaluations", r.evaluations());
    out.writeArrayOfFloat64("bestPosition", r.bestPosition());
    out.writeFloat64("bestValue", r.bestValue());
    out.writeInt64("lastImprovementTick", r.lastImprovementTick());
    out.writeString("proposalId", r.proposalId());
    out.writeInt64("proposedTick", r.proposedTick());
    out.writeInt32("proposals", r.proposals());
    out.writeBoolean("adopted", r.adopted());
    out.writeFloat64("lower", r.lower());
    out.writeFloat64("upper", r.upper());
  }

  // Records written before swarms had a box of their own have no bounds: the objective's apply.
  private static double optionalDouble(CompactReader in, String field) {
    return in.getFieldKind(field) == FieldKind.FLOAT64 ? in.readFloat64(field) : Double.NaN;
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.ParticleSwarmRecord";
  }

  @Override
  public Class<ParticleSwarmRecord> getCompactClass() {
    return ParticleSwarmRecord.class;
  }
}
