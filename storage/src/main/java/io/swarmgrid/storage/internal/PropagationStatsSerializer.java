package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.propagation.PropagationCounts;
import io.swarmgrid.storage.propagation.PropagationStats;
import java.util.Arrays;

/** Compact form of {@link PropagationStats}: arrays of nested counts. */
final class PropagationStatsSerializer implements CompactSerializer<PropagationStats> {
  @Override
  public PropagationStats read(CompactReader in) {
    return new PropagationStats(
        in.readString("member"),
        Arrays.asList(in.readArrayOfCompact("streams", PropagationCounts.class)),
        Arrays.asList(in.readArrayOfCompact("targets", PropagationCounts.class)));
  }

  @Override
  public void write(CompactWriter out, PropagationStats s) {
    out.writeString("member", s.member());
    out.writeArrayOfCompact("streams", s.streams().toArray(PropagationCounts[]::new));
    out.writeArrayOfCompact("targets", s.targets().toArray(PropagationCounts[]::new));
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.PropagationStats";
  }

  @Override
  public Class<PropagationStats> getCompactClass() {
    return PropagationStats.class;
  }
}
