package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.swarm.PheromoneTrail;
import io.swarmgrid.storage.swarm.TrailEntry;
import io.swarmgrid.storage.swarm.TrailSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Compact form of {@link PheromoneTrail}: the spec flattened, entries as three parallel arrays. */
final class PheromoneTrailSerializer implements CompactSerializer<PheromoneTrail> {
  @Override
  public PheromoneTrail read(CompactReader in) {
    TrailSpec spec =
        new TrailSpec(
            in.readFloat64("evaporation"),
            in.readFloat64("floor"),
            in.readFloat64("min"),
            in.readFloat64("max"),
            in.readInt32("maxKeys"),
            in.readInt64("timeUnitMillis"));
    String[] keys = in.readArrayOfString("keys");
    double[] intensities = in.readArrayOfFloat64("intensities");
    long[] stamps = in.readArrayOfInt64("stamps");
    Map<String, TrailEntry> entries = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      entries.put(keys[i], new TrailEntry(intensities[i], stamps[i]));
    }
    return new PheromoneTrail(in.readString("name"), spec, entries);
  }

  @Override
  public void write(CompactWriter out, PheromoneTrail t) {
    out.writeString("name", t.name());
    TrailSpec s = t.spec();
    out.writeFloat64("evaporation", s.evaporation());
    out.writeFloat64("floor", s.floor());
    out.writeFloat64("min", s.min());
    out.writeFloat64("max", s.max());
    out.writeInt32("maxKeys", s.maxKeys());
    out.writeInt64("timeUnitMillis", s.timeUnitMillis());
    int n = t.entries().size();
    String[] keys = new String[n];
    double[] intensities = new double[n];
    long[] stamps = new long[n];
    int i = 0;
    for (Map.Entry<String, TrailEntry> e : t.entries().entrySet()) {
      keys[i] = e.getKey();
      intensities[i] = e.getValue().intensity();
      stamps[i] = e.getValue().at();
      i++;
    }
    out.writeArrayOfString("keys", keys);
    out.writeArrayOfFloat64("intensities", intensities);
    out.writeArrayOfInt64("stamps", stamps);
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.PheromoneTrail";
  }

  @Override
  public Class<PheromoneTrail> getCompactClass() {
    return PheromoneTrail.class;
  }
}
