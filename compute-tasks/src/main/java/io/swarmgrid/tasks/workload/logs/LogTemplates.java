package io.swarmgrid.tasks.workload.logs;

import io.swarmgrid.tasks.workload.Workload;
import io.swarmgrid.tasks.workload.logs.internal.Masking;
import java.util.List;
import java.util.TreeMap;

/**
 * Mines log templates (the {@code log-templates} workload). Records are lines. Each line is parsed
 * by its format (a fixed one, or the first built-in format that matches it, see {@link
 * LogFormats#parse}), its content's well-known variables are masked, and the share's result counts
 * lines per masked content: a plain sorted map, so nothing but JDK types crosses the wire.
 *
 * <p><b>How merging works.</b> Merging adds the counts. Drain's templates depend on the order in
 * which it sees lines, so no share mines templates: {@link Templates#mine} runs Drain once, on the
 * merged map's distinct masked contents in sorted order. The templates are therefore a function of
 * the set of masked contents in the whole input, the same for one thread, a Jet job and any split
 * into shares. The map grows with the number of distinct masked contents, not with the lines.
 */
public final class LogTemplates implements Workload<TreeMap<String, Long>> {
  private static final long serialVersionUID = 1L;

  /** The name this workload is registered under. */
  public static final String NAME = "log-templates";

  /** A built-in format's name or a format string, or {@code null} to recognise each line's. */
  private final String format;

  private transient LogFormat resolved;

  /** Recognises each line's format among the built-in ones. */
  public LogTemplates() {
    this.format = null;
  }

  /**
   * Parses every line with {@code format}: a built-in format's name or a format string.
   *
   * @throws IllegalArgumentException naming the value if it is neither
   */
  public LogTemplates(String format) {
    this.resolved = LogFormats.byNameOrFormat(format);
    this.format = format;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TreeMap<String, Long> empty() {
    return new TreeMap<>();
  }

  @Override
  public TreeMap<String, Long> process(List<String> records) {
    TreeMap<String, Long> counts = new TreeMap<>();
    for (String line : records) {
      if (!line.isBlank()) {
        counts.merge(pattern(parse(line)), 1L, Long::sum);
      }
    }
    return counts;
  }

  @Override
  public TreeMap<String, Long> merge(TreeMap<String, Long> left, TreeMap<String, Long> right) {
    TreeMap<String, Long> sum = new TreeMap<>(left);
    right.forEach((pattern, n) -> sum.merge(pattern, n, Long::sum));
    return sum;
  }

  /** The line's fields by this workload's format (unparsed: all content, if it does not match). */
  public ParsedLog parse(String line) {
    String stripped = line.strip();
    if (format == null) {
      return LogFormats.parse(stripped);
    }
    if (resolved == null) {
      resolved = LogFormats.byNameOrFormat(format);
    }
    return resolved.parse(stripped).orElseGet(() -> ParsedLog.unparsed(stripped));
  }

  /** The masked content of a parsed line: what templates are mined from. */
  public static String pattern(ParsedLog line) {
    return Masking.mask(line.content());
  }
}
