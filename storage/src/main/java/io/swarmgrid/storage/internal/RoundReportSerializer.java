package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.learning.RoundReport;
import java.util.List;

/** Compact form of {@link RoundReport}. */
final class RoundReportSerializer implements CompactSerializer<RoundReport> {
  @Override
  public RoundReport read(CompactReader in) {
    return new RoundReport(
        in.readString("jobId"),
        in.readInt32("round"),
        in.readInt32("attempt"),
        List.of(in.readArrayOfString("accepted")),
        List.of(in.readArrayOfString("rejected")),
        List.of(in.readArrayOfString("outliers")),
        in.readFloat64("accuracy"),
        in.readInt32("version"),
        in.readInt64("roundMillis"),
        in.readInt64("aggregateMicros"));
  }

  @Override
  public void write(CompactWriter out, RoundReport v) {
    out.writeString("jobId", v.jobId());
    out.writeInt32("round", v.round());
    out.writeInt32("attempt", v.attempt());
    out.writeArrayOfString("accepted", v.accepted().toArray(String[]::new));
    out.writeArrayOfString("rejected", v.rejected().toArray(String[]::new));
    out.writeArrayOfString("outliers", v.outliers().toArray(String[]::new));
    out.writeFloat64("accuracy", v.accuracy());
    out.writeInt32("version", v.version());
    out.writeInt64("roundMillis", v.roundMillis());
    out.writeInt64("aggregateMicros", v.aggregateMicros());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.RoundReport";
  }

  @Override
  public Class<RoundReport> getCompactClass() {
    return RoundReport.class;
  }
}
