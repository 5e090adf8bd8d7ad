package io.swarmgrid.tasks.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Counts log lines by level and by source and finds rare patterns. Records are lines, parsed by
 * {@link LogLine#parse}.
 *
 * <p><b>Window.</b> The window is the whole input of one run (all records given to the workload,
 * however they are split into shares). A line's <em>template</em> is its source and its message
 * with variable parts masked ({@link #template}); a template is <em>rare</em> if it occurs fewer
 * than {@code rareBelow} times in the window, and every line of a rare template is anomalous. The
 * result lists, for each template that is still under the threshold, its {@code samplesPerTemplate}
 * smallest lines (string order), so the listing is the same whatever the split and is bounded by
 * {@code rareBelow - 1} lines per template, since a template with more lines is no longer rare.
 */
public final class LogAnalysis implements Workload<LogReport> {
  private static final long serialVersionUID = 1L;

  /** The name this workload is registered under. */
  public static final String NAME = "log-analysis";

  /** Default {@code rareBelow}. */
  public static final int DEFAULT_RARE_BELOW = 3;

  private static final Pattern IP = Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d+)?\\b");
  private static final Pattern HEX = Pattern.compile("\\b0x[0-9a-fA-F]+\\b|\\b[0-9a-fA-F]{8,}\\b");
  private static final Pattern BLOCK = Pattern.compile("blk_-?\\d+");
  private static final Pattern PATH = Pattern.compile("(?:/[\\w.\\-]+)+/?");
  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:[.:,]\\d+)*");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final int rareBelow;

  /** With {@link #DEFAULT_RARE_BELOW}. */
  public LogAnalysis() {
    this(DEFAULT_RARE_BELOW);
  }

  /**
   * @param rareBelow a template with fewer lines than this in the window is rare; at least 1
   * @throws IllegalArgumentException naming the parameter and value if out of range
   */
  public LogAnalysis(int rareBelow) {
    if (rareBelow < 1 || rareBelow > 1_000) {
      throw new IllegalArgumentException(
          "log-analysis.rareBelow: " + rareBelow + " is out of range; allowed 1..1000");
    }
    this.rareBelow = rareBelow;
  }

  /** The threshold: templates with fewer lines than this are rare. */
  public int rareBelow() {
    return rareBelow;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public LogReport empty() {
    return new LogReport(0, Map.of(), Map.of(), Map.of(), Map.of());
  }

  @Override
  public LogReport process(List<String> records) {
    Map<String, Long> levels = new HashMap<>();
    Map<String, Long> sources = new HashMap<>();
    Map<String, Long> templates = new HashMap<>();
    Map<String, TreeSet<String>> samples = new HashMap<>();
    long lines = 0;
    for (String raw : records) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      lines++;
      LogLine parsed = LogLine.parse(line);
      levels.merge(parsed.level(), 1L, Long::sum);
      sources.merge(parsed.source(), 1L, Long::sum);
      String template = template(parsed);
      templates.merge(template, 1L, Long::sum);
      TreeSet<String> sample = samples.computeIfAbsent(template, t -> new TreeSet<>());
      sample.add(line);
      if (sample.size() >= rareBelow) {
        sample.pollLast();
      }
    }
    return finish(lines, levels, sources, templates, samples);
  }

  @Override
  public LogReport merge(LogReport left, LogReport right) {
    Map<String, Long> levels = sum(left.levels(), right.levels());
    Map<String, Long> sources = sum(left.sources(), right.sources());
    Map<String, Long> templates = sum(left.templates(), right.templates());
    Map<String, TreeSet<String>> samples = new HashMap<>();
    for (LogReport r : List.of(left, right)) {
      r.samples().forEach((t, s) -> samples.computeIfAbsent(t, k -> new TreeSet<>()).addAll(s));
    }
    return finish(left.lines() + right.lines(), levels, sources, templates, samples);
  }

  /**
   * Keeps the samples of the templates still under the threshold (a template over it can never
   * become rare again, since counts only grow), at most {@code rareBelow - 1} smallest lines each.
   */
  private LogReport finish(
      long lines,
      Map<String, Long> levels,
      Map<String, Long> sources,
      Map<String, Long> templates,
      Map<String, TreeSet<String>> samples) {
    Map<String, List<String>> kept = new HashMap<>();
    samples.forEach(
        (t, s) -> {
          if (templates.getOrDefault(t, 0L) < rareBelow) {
            kept.put(t, new ArrayList<>(s).subList(0, Math.min(s.size(), rareBelow - 1)));
          }
        });
    return new LogReport(lines, levels, sources, templates, kept);
  }

  private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
    Map<String, Long> sum = new HashMap<>(a);
    b.forEach((k, n) -> sum.merge(k, n, Long::sum));
    return sum;
  }

  /**
   * The template of a line: {@code source | message} with IP addresses, block ids, hex numbers,
   * paths and numbers masked as {@code <ip>}, {@code <blk>}, {@code <hex>}, {@code <path>}, {@code
   * <n>}. The anomaly label is never part of it.
   */
  public static String template(LogLine line) {
    String m = line.message();
    m = IP.matcher(m).replaceAll("<ip>");
    m = BLOCK.matcher(m).replaceAll("<blk>");
    m = HEX.matcher(m).replaceAll("<hex>");
    m = PATH.matcher(m).replaceAll("<path>");
    m = NUMBER.matcher(m).replaceAll("<n>");
    m = SPACES.matcher(m.strip()).replaceAll(" ");
    return line.source() + " | " + m;
  }
}
