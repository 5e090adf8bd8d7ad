package io.swarmgrid.tasks.workload.logs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unsupervised log anomaly detection over mined templates, at the line and at the window level.
 * Labels are never read: a line's {@code Label} field is only used by callers to score the result.
 *
 * <p><b>Line level.</b> A line is anomalous if its template holds an error word ({@link
 * #ERROR_WORDS}) and either its level is severe ({@link #SEVERE_LEVELS}) or its format has no level
 * (or only a warning) and its template is rare (fewer than {@code rareBelow} lines in the input),
 * unless the template is about a user's path (a parameter holds a file path in some line: the error
 * refuses what a job's owner named, see {@link #pathParameterised}). A severe level alone is not
 * enough (register dumps and user errors are written at FATAL), nor is an error word alone (error
 * counters at INFO).
 *
 * <p><b>Window level.</b> Lines are grouped by session or time window, as the log-anomaly
 * literature does: by HDFS block id (the first {@code blk_} id in the content) when there is one,
 * else by {@code windowSeconds}-long windows of the {@code Timestamp} field (epoch seconds, as in
 * BGL and Thunderbird); a line with neither is a window of its own. A window is anomalous if it
 * holds an anomalous line.
 */
public final class AnomalyDetector {
  /** Default {@code rareBelow}. */
  public static final int DEFAULT_RARE_BELOW = 3;

  /** Default window length, seconds. */
  public static final long DEFAULT_WINDOW_SECONDS = 300;

  /** Levels that say something failed, upper-cased. */
  public static final Set<String> SEVERE_LEVELS =
      Set.of("FATAL", "SEVERE", "FAILURE", "CRITICAL", "CRIT", "ERROR", "EMERG", "ALERT", "PANIC");

  /** Words of failure, as an operator's grep would look for them. */
  public static final Pattern ERROR_WORDS =
      Pattern.compile(
          "(?i)\\b(errors?|fail(s|ed|ure)?|panic|fatal|exception|abort(ed)?|refused|denied"
              + "|time(d)? ?out|terminated|corrupt(ed)?|killed|interrupt|unreachable|lost)\\b");

  /**
   * A token holding a file path: absolute, relative ({@code ./}, {@code ../}) or home ({@code ~/}).
   */
  private static final Pattern PATH = Pattern.compile("(^|[(=:'\"])(~|\\.{1,2})?/[^\\s/]");

  private static final Pattern BLOCK = Pattern.compile("blk_-?\\d+");

  private final LogTemplates templates;
  private final int rareBelow;
  private final long windowSeconds;

  /**
   * @param templates parses and masks the lines
   * @param rareBelow a template with fewer lines than this is rare, 1..1000
   * @param windowSeconds window length for timestamped lines, 1..31536000
   * @throws IllegalArgumentException naming the parameter and value if out of range
   */
  public AnomalyDetector(LogTemplates templates, int rareBelow, long windowSeconds) {
    if (rareBelow < 1 || rareBelow > 1_000) {
      throw new IllegalArgumentException(
          "anomalies.rareBelow: " + rareBelow + " is out of range; allowed 1..1000");
    }
    if (windowSeconds < 1 || windowSeconds > 31_536_000) {
      throw new IllegalArgumentException(
          "anomalies.windowSeconds: " + windowSeconds + " is out of range; allowed 1..31536000");
    }
    this.templates = templates;
    this.rareBelow = rareBelow;
    this.windowSeconds = windowSeconds;
  }

  /** With the defaults, each line's format recognised. */
  public AnomalyDetector() {
    this(new LogTemplates(), DEFAULT_RARE_BELOW, DEFAULT_WINDOW_SECONDS);
  }

  /** The verdict on every non-blank line of {@code lines}, in order. */
  public List<Verdict> detect(List<String> lines) {
    Map<String, Long> patterns = templates.process(lines);
    Templates mined = Templates.mine(patterns);
    Set<Template> userPaths = pathParameterised(patterns.keySet(), mined);
    Map<String, Boolean> byTemplateAndLevel = new HashMap<>();
    List<Verdict> verdicts = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      ParsedLog parsed = templates.parse(line);
      Template template = mined.of(LogTemplates.pattern(parsed));
      String level = parsed.level().toUpperCase(Locale.ROOT);
      boolean anomalous =
          byTemplateAndLevel.computeIfAbsent(
              template.id() + ' ' + level,
              k ->
                  !userPaths.contains(template)
                      && anomalous(template, level, mined.counts().get(template)));
      verdicts.add(new Verdict(line.strip(), parsed, template, window(parsed), anomalous));
    }
    return verdicts;
  }

  /**
   * The templates where a parameter (a position Drain found varying) holds a file path in some
   * line: the error is about a program, directory or file named by whoever ran the job, which
   * differs from run to run, not about the machine.
   */
  static Set<Template> pathParameterised(Set<String> patterns, Templates mined) {
    Set<Template> found = new HashSet<>();
    for (String pattern : patterns) {
      Template template = mined.of(pattern);
      if (template == null || template.parameters().isEmpty() || found.contains(template)) {
        continue;
      }
      String[] tokens = pattern.split(" ");
      for (int position : template.parameters()) {
        if (position < tokens.length && PATH.matcher(tokens[position]).find()) {
          found.add(template);
          break;
        }
      }
    }
    return found;
  }

  private boolean anomalous(Template template, String level, long count) {
    if (!ERROR_WORDS.matcher(template.text()).find()) {
      return false;
    }
    boolean levelless = level.equals("-") || level.startsWith("WARN");
    return SEVERE_LEVELS.contains(level) || (levelless && count < rareBelow);
  }

  private String window(ParsedLog parsed) {
    Matcher block = BLOCK.matcher(parsed.content());
    if (block.find()) {
      return block.group();
    }
    String timestamp = parsed.fields().get("Timestamp");
    if (timestamp != null && timestamp.matches("\\d{1,18}")) {
      return "t" + Long.parseLong(timestamp) / windowSeconds * windowSeconds;
    }
    return null;
  }

  /**
   * Windows in order of first line, each with whether it is anomalous (holds an anomalous line) and
   * whether it is labelled anomalous (holds a labelled line; for scoring only). A line with no
   * window is a window of its own.
   */
  public static List<Window> windows(List<Verdict> verdicts) {
    Map<String, Window> windows = new LinkedHashMap<>();
    for (int i = 0; i < verdicts.size(); i++) {
      Verdict v = verdicts.get(i);
      String key = v.window() == null ? "line" + i : v.window();
      windows.merge(
          key,
          new Window(key, 1, v.anomalous(), v.parsed().labelledAnomalous()),
          (a, b) ->
              new Window(
                  key,
                  a.lines() + b.lines(),
                  a.anomalous() || b.anomalous(),
                  a.labelled() || b.labelled()));
    }
    return List.copyOf(windows.values());
  }

  /** Precision, recall and F1 of the line verdicts against the lines' labels, on distinct lines. */
  public static Score scoreLines(List<Verdict> verdicts) {
    Map<String, Judged> distinct = new TreeMap<>();
    for (Verdict v : verdicts) {
      distinct.merge(
          v.line(),
          new Judged(v.anomalous(), v.parsed().labelledAnomalous()),
          (a, b) -> new Judged(a.flagged() || b.flagged(), a.labelled() || b.labelled()));
    }
    return Score.of(List.copyOf(distinct.values()));
  }

  /** Precision, recall and F1 of the window verdicts against the windows' labels. */
  public static Score scoreWindows(List<Window> windows) {
    return Score.of(windows.stream().map(w -> new Judged(w.anomalous(), w.labelled())).toList());
  }

  private record Judged(boolean flagged, boolean labelled) {}

  /**
   * One line's verdict.
   *
   * @param line the line, stripped
   * @param parsed its fields
   * @param template its template
   * @param window its session or time window, or {@code null}
   * @param anomalous whether the detector flags it
   */
  public record Verdict(
      String line, ParsedLog parsed, Template template, String window, boolean anomalous) {}

  /**
   * One window.
   *
   * @param key the block id, {@code t} and the window's start (epoch seconds), or {@code line} and
   *     the index of a line with no window
   * @param lines lines in it
   * @param anomalous whether it holds a flagged line
   * @param labelled whether it holds a line labelled anomalous (scoring only)
   */
  public record Window(String key, int lines, boolean anomalous, boolean labelled) {}

  /**
   * A confusion count and its measures.
   *
   * @param flagged items the detector flagged
   * @param labelled items labelled anomalous
   * @param both items flagged and labelled
   * @param total all items
   */
  public record Score(long flagged, long labelled, long both, long total) {
    static Score of(List<Judged> items) {
      long flagged = items.stream().filter(Judged::flagged).count();
      long labelled = items.stream().filter(Judged::labelled).count();
      long both = items.stream().filter(j -> j.flagged() && j.labelled()).count();
      return new Score(flagged, labelled, both, items.size());
    }

    /** Flagged and labelled over flagged; 0 if nothing is flagged. */
    public double precision() {
      return flagged == 0 ? 0 : both / (double) flagged;
    }

    /** Flagged and labelled over labelled; 0 if nothing is labelled. */
    public double recall() {
      return labelled == 0 ? 0 : both / (double) labelled;
    }

    /** Harmonic mean of precision and recall; 0 if both are 0. */
    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Labelled over all: the precision of flagging everything. */
    public double baseRate() {
      return total == 0 ? 0 : labelled / (double) total;
    }
  }
}
