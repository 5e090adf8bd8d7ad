package io.swarmgrid.tasks.pipeline.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.tasks.workload.LogAnalysis;
import io.swarmgrid.tasks.workload.LogLine;
import io.swarmgrid.tasks.workload.LogReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@link LogAnalysis} as one mutable table per processor, the accumulator of {@link
 * LogAnalysisAggregation}: lines are read from blocks of UTF-8 bytes; a line of printable ASCII is
 * parsed ({@link LogLineScan}) and masked ({@link LogMasker}) in reused char buffers and its level,
 * source and template are counted by their chars ({@link WordTable}s), so a line costs no {@code
 * String} and no regular expression; any other line is decoded and goes through {@link
 * LogLine#parse} and {@link LogAnalysis#template}. A line's own {@code String} is made only while
 * its template is still rare (fewer than {@code rareBelow} lines), to keep it as a sample. Tables
 * merge by adding ({@link #addAll}); {@link #report} is the {@link LogReport} that {@code
 * LogAnalysis.process} gives for the same lines. Crosses members as {@code
 * IdentifiedDataSerializable} (factory {@link FactoryIds#PIPELINE}).
 */
public final class LogTable implements IdentifiedDataSerializable {
  /** Class id in {@code io.swarmgrid.tasks.pipeline.PipelineFactory}. */
  public static final int CLASS_ID = 2;

  private static final char[] DASH = {'-'};
  private static final char[] BAR = {' ', '|', ' '};

  private int rareBelow;
  private long lines;
  private final WordTable levels = new WordTable();
  private final WordTable sources = new WordTable();
  private final WordTable templates = new WordTable();

  /** Template to its smallest lines, only for templates with fewer than rareBelow lines. */
  private final Map<String, TreeSet<String>> samples = new HashMap<>();

  /** Reused per line; never serialized. */
  private LogLineScan scan;

  private LogMasker masker;
  private char[] line = new char[0];
  private char[] template = new char[0];

  /** For deserialization. */
  public LogTable() {}

  /** An empty table for {@code analysis}. */
  public LogTable(LogAnalysis analysis) {
    this.rareBelow = analysis.rareBelow();
  }

  /** Analyses the lines of {@code block}, UTF-8 bytes of whole lines ({@link ByteChunks}). */
  public void add(byte[] block) {
    int n = block.length;
    int from = 0;
    while (from < n) {
      int end = from;
      boolean printable = true;
      byte b;
      while (end < n && (b = block[end]) != '\n' && b != '\r') {
        printable &= b >= 0x20 && b < 0x7F;
        end++;
      }
      if (printable) {
        addPrintable(block, from, end);
      } else {
        addLine(new String(block, from, end - from, StandardCharsets.UTF_8));
      }
      from = end + 1;
    }
  }

  /** Analyses one line (or a block of lines, as {@code String.lines} cuts them). */
  public void add(String text) {
    text.lines().forEach(this::addLine);
  }

  private void addPrintable(byte[] block, int from, int to) {
    while (from < to && block[from] == ' ') {
      from++;
    }
    while (to > from && block[to - 1] == ' ') {
      to--;
    }
    int n = to - from;
    if (n == 0) {
      return;
    }
    if (line.length < n) {
      line = new char[Math.max(n, line.length * 2)];
    }
    for (int i = 0; i < n; i++) {
      line[i] = (char) block[from + i];
    }
    if (scan == null) {
      scan = new LogLineScan();
      masker = new LogMasker();
    }
    lines++;
    scan.scan(line, n);
    count(levels, scan.levelFrom < 0 ? DASH : line, scan.levelFrom, scan.levelTo);
    int sourceFrom = scan.sourceFrom < 0 ? 0 : scan.sourceFrom;
    int sourceTo = scan.sourceFrom < 0 ? 1 : scan.sourceTo;
    char[] source = scan.sourceFrom < 0 ? DASH : line;
    count(sources, source, sourceFrom, sourceTo);
    masker.mask(line, scan.messageFrom, scan.messageTo);
    int length = (sourceTo - sourceFrom) + BAR.length + masker.length;
    if (template.length < length) {
      template = new char[Math.max(length, template.length * 2)];
    }
    System.arraycopy(source, sourceFrom, template, 0, sourceTo - sourceFrom);
    System.arraycopy(BAR, 0, template, sourceTo - sourceFrom, BAR.length);
    System.arraycopy(masker.text, 0, template, length - masker.length, masker.length);
    long seen = templates.add(template, 0, length, hash(template, 0, length), 1);
    if (seen <= rareBelow) {
      sample(new String(template, 0, length), seen, new String(line, 0, n));
    }
  }

  private void addLine(String raw) {
    String text = raw.strip();
    if (text.isEmpty()) {
      return;
    }
    lines++;
    LogLine parsed = LogLine.parse(text);
    levels.add(parsed.level(), 1);
    sources.add(parsed.source(), 1);
    String t = LogAnalysis.template(parsed);
    templates.add(t, 1);
    sample(t, templates.count(t), text);
  }

  /** Keeps {@code text} as a sample of a still rare template, or drops those of one no longer. */
  private void sample(String t, long seen, String text) {
    if (seen < rareBelow) {
      samples.computeIfAbsent(t, k -> new TreeSet<>()).add(text);
    } else {
      samples.remove(t);
    }
  }

  private static void count(WordTable table, char[] chars, int from, int to) {
    if (from < 0) {
      table.add(chars, 0, chars.length, hash(chars, 0, chars.length), 1);
    } else {
      table.add(chars, from, to - from, hash(chars, from, to - from), 1);
    }
  }

  /** {@code String.hashCode} of the chars. */
  private static int hash(char[] chars, int from, int length) {
    int h = 0;
    for (int i = from; i < from + length; i++) {
      h = 31 * h + chars[i];
    }
    return h;
  }

  /** Adds everything {@code other} counted; {@code other} is not changed. */
  public void addAll(LogTable other) {
    lines += other.lines;
    levels.addAll(other.levels);
    sources.addAll(other.sources);
    templates.addAll(other.templates);
    other.samples.forEach((t, s) -> samples.computeIfAbsent(t, k -> new TreeSet<>()).addAll(s));
    samples.keySet().removeIf(t -> templates.count(t) >= rareBelow);
  }

  /** The report of every line added. */
  public LogReport report() {
    Map<String, List<String>> kept = new HashMap<>();
    samples.forEach((t, s) -> kept.put(t, new ArrayList<>(s)));
    return new LogReport(lines, levels.toMap(), sources.toMap(), templates.toMap(), kept);
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.PIPELINE;
  }

  @Override
  public int getClassId() {
    return CLASS_ID;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeInt(rareBelow);
    out.writeLong(lines);
    levels.writeData(out);
    sources.writeData(out);
    templates.writeData(out);
    out.writeInt(samples.size());
    for (Map.Entry<String, TreeSet<String>> e : samples.entrySet()) {
      out.writeString(e.getKey());
      out.writeInt(e.getValue().size());
      for (String s : e.getValue()) {
        out.writeString(s);
      }
    }
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    rareBelow = in.readInt();
    lines = in.readLong();
    levels.readData(in);
    sources.readData(in);
    templates.readData(in);
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("LogTable: sample count must not be negative, got " + n);
    }
    for (int i = 0; i < n; i++) {
      String t = in.readString();
      int k = in.readInt();
      TreeSet<String> s = new TreeSet<>();
      for (int j = 0; j < k; j++) {
        s.add(in.readString());
      }
      samples.put(t, s);
    }
  }
}
