package io.swarmgrid.storage.propagation.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.propagation.PropagationCounts;
import io.swarmgrid.storage.propagation.PropagationStats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A member's stats on their way to the caller. Not Compact: a Compact value made on a member has a
 * schema only that member knows, and a client waited for it until its call timed out
 * (docs/DECISIONS.md).
 */
public final class StatsAnswer implements IdentifiedDataSerializable {
  private PropagationStats stats;

  StatsAnswer() {}

  StatsAnswer(PropagationStats stats) {
    this.stats = stats;
  }

  /** The stats. */
  public PropagationStats stats() {
    return stats;
  }

  @Override
  public int getFactoryId() {
    return PropagationSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return PropagationSerializers.STATS_ANSWER;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(stats.member());
    write(out, stats.streams());
    write(out, stats.targets());
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    String member = in.readString();
    stats = new PropagationStats(member, read(in), read(in));
  }

  private static void write(ObjectDataOutput out, List<PropagationCounts> counts)
      throws IOException {
    out.writeInt(counts.size());
    for (PropagationCounts c : counts) {
      out.writeString(c.key());
      out.writeLong(c.updates());
      out.writeLong(c.sent());
      out.writeLong(c.bytes());
      out.writeLong(c.dropped());
      out.writeLong(c.degraded());
      out.writeDouble(c.meanLatencyMs());
      out.writeDouble(c.maxLatencyMs());
      out.writeDouble(c.p99LatencyMs());
      out.writeLong(c.budgetBytesPerSecond());
    }
  }

  private static List<PropagationCounts> read(ObjectDataInput in) throws IOException {
    int n = in.readInt();
    List<PropagationCounts> counts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      counts.add(
          new PropagationCounts(
              in.readString(),
              in.readLong(),
              in.readLong(),
              in.readLong(),
              in.readLong(),
              in.readLong(),
              in.readDouble(),
              in.readDouble(),
              in.readDouble(),
              in.readLong()));
    }
    return counts;
  }
}
