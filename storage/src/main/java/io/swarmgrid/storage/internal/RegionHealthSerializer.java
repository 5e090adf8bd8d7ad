package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.region.RegionHealth;

/** Compact form of {@link RegionHealth}. */
final class RegionHealthSerializer implements CompactSerializer<RegionHealth> {
  @Override
  public RegionHealth read(CompactReader in) {
    return new RegionHealth(
        in.readString("region"),
        in.readBoolean("local"),
        in.readBoolean("reachable"),
        in.readFloat64("rttMillis"),
        in.readFloat64("load"),
        in.readString("lastError"),
        in.readInt64("measuredAt"));
  }

  @Override
  public void write(CompactWriter out, RegionHealth h) {
    out.writeString("region", h.region());
    out.writeBoolean("local", h.local());
    out.writeBoolean("reachable", h.reachable());
    out.writeFloat64("rttMillis", h.rttMillis());
    out.writeFloat64("load", h.load());
    out.writeString("lastError", h.lastError());
    out.writeInt64("measuredAt", h.measuredAt());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.RegionHealth";
  }

  @Override
  public Class<RegionHealth> getCompactClass() {
    return RegionHealth.class;
  }
}
