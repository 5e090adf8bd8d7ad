package io.swarmgrid.tasks.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.tasks.workload.LogReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compact form of {@link LogReport}: each count map as parallel arrays ({@code levelsKeys}, {@code
 * levelsCounts}, ...); the samples as {@code sampleTemplates}, {@code sampleSizes} (lines per
 * template) and {@code sampleLines} (all lines, template after template).
 */
final class LogReportSerializer implements CompactSerializer<LogReport> {
  @Override
  public LogReport read(CompactReader in) {
    String[] templates = in.readArrayOfString("sampleTemplates");
    int[] sizes = in.readArrayOfInt32("sampleSizes");
    String[] lines = in.readArrayOfString("sampleLines");
    Map<String, List<String>> samples = new HashMap<>();
    int at = 0;
    for (int i = 0; i < templates.length; i++) {
      samples.put(templates[i], Arrays.asList(Arrays.copyOfRange(lines, at, at + sizes[i])));
      at += sizes[i];
    }
    return new LogReport(
        in.readInt64("lines"),
        Counts.read(in, "levels"),
        Counts.read(in, "sources"),
        Counts.read(in, "templates"),
        samples);
  }

  @Override
  public void write(CompactWriter out, LogReport v) {
    out.writeInt64("lines", v.lines());
    Counts.write(out, "levels", v.levels());
    Counts.write(out, "sources", v.sources());
    Counts.write(out, "templates", v.templates());
    TreeMap<String, List<String>> samples = new TreeMap<>(v.samples());
    List<String> lines = new ArrayList<>();
    int[] sizes = new int[samples.size()];
    int i = 0;
    for (List<String> s : samples.values()) {
      sizes[i++] = s.size();
      lines.addAll(s);
    }
    out.writeArrayOfString("sampleTemplates", samples.keySet().toArray(new String[0]));
    out.writeArrayOfInt32("sampleSizes", sizes);
    out.writeArrayOfString("sampleLines", lines.toArray(new String[0]));
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.LogReport";
  }

  @Override
  public Class<LogReport> getCompactClass() {
    return LogReport.class;
  }
}
