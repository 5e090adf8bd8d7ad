package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.swarm.ColonyParams;
import io.swarmgrid.storage.swarm.ColonyRecord;

/** Compact form of {@link ColonyRecord}; the parameters flattened. */
final class ColonyRecordSerializer implements CompactSerializer<ColonyRecord> {
  @Override
  public ColonyRecord read(CompactReader in) {
    ColonyParams p =
        new ColonyParams(
            in.readFloat64("alpha"),
            in.readFloat64("beta"),
            in.readFloat64("evaporation"),
            in.readInt32("candidates"),
            in.readFloat64("pBest"),
            in.readInt32("stagnationTicks"),
            in.readInt32("globalBestEvery"));
    return new ColonyRecord(
        in.readString("colonyId"),
        in.readString("problem"),
        p,
        in.readArrayOfInt32("bestTour"),
        in.readInt64("bestLength"),
        in.readInt64("bestTick"),
        in.readInt64("lastImprovementTick"),
        in.readInt64("resets"),
        in.readInt64("createdTick"));
  }

  @Override
  public void write(CompactWriter out, ColonyRecord c) {
    out.writeString("colonyId", c.colonyId());
    out.writeString("problem", c.problem());
    ColonyParams p = c.params();
    out.writeFloat64("alpha", p.alpha());
    out.writeFloat64("beta", p.beta());
    out.writeFloat64("evaporation", p.evaporation());
    out.writeInt32("candidates", p.candidates());
    out.writeFloat64("pBest", p.pBest());
    out.writeInt32("stagnationTicks", p.stagnationTicks());
    out.writeInt32("globalBestEvery", p.globalBestEvery());
    out.writeArrayOfInt32("bestTour", c.bestTour());
    out.writeInt64("bestLength", c.bestLength());
    out.writeInt64("bestTick", c.bestTick());
    out.writeInt64("lastImprovementTick", c.lastImprovementTick());
    out.writeInt64("resets", c.resets());
    out.writeInt64("createdTick", c.createdTick());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.ColonyRecord";
  }

  @Override
  public Class<ColonyRecord> getCompactClass() {
    return ColonyRecord.class;
  }
}
