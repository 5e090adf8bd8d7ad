package io.swarmgrid.tasks.workload;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One parsed log line: its format, anomaly label (if the format carries one), level, source and
 * message. {@link #parse} knows the loghub formats BGL, Thunderbird, HDFS and syslog (Linux,
 * OpenSSH), tried in that order, one regular expression each; any other line is {@code OTHER} with
 * level and source {@code -} and the whole line as its message.
 *
 * @param format BGL, THUNDERBIRD, HDFS, SYSLOG or OTHER
 * @param label the anomaly label ({@code -} for a normal line), or {@code null} if the format has
 *     none
 * @param level the severity (INFO, WARN, FATAL...), or {@code -} if the format has none
 * @param source the component or process that wrote the line (process ids stripped)
 * @param message the free text after the header
 */
public record LogLine(String format, String label, String level, String source, String message) {
  private static final Pattern BGL =
      Pattern.compile(
          "^(\\S+) \\d{10} \\d{4}\\.\\d\\d\\.\\d\\d \\S+ \\d{4}-\\d\\d-\\d\\d-\\d\\d\\.\\d\\d\\.\\d\\d\\.\\d+"
              + " \\S+ \\S+ (\\S+) (\\S+) ?(.*)$");
  private static final Pattern THUNDERBIRD =
      Pattern.compile(
          "^(\\S+) \\d{10} \\d{4}\\.\\d\\d\\.\\d\\d \\S+ \\w{3} +\\d+ \\d\\d:\\d\\d:\\d\\d \\S+ ?(.*)$");
  private static final Pattern HDFS =
      Pattern.compile("^\\d{6} \\d{6} \\d+ ([A-Z]+) ([^:]+): ?(.*)$");
  private static final Pattern SYSLOG =
      Pattern.compile("^\\w{3} +\\d+ \\d\\d:\\d\\d:\\d\\d \\S+ ?(.*)$");

  /** {@code process[pid]: message} or {@code process: message} at the start of a syslog message. */
  private static final Pattern PROCESS = Pattern.compile("^([^\\s:\\[]+)(?:\\[\\d+\\])?: ?(.*)$");

  /** Parses one line (without its line end). */
  public static LogLine parse(String line) {
    Matcher m = BGL.matcher(line);
    if (m.matches()) {
      return new LogLine("BGL", m.group(1), m.group(3), m.group(2), m.group(4));
    }
    m = THUNDERBIRD.matcher(line);
    if (m.matches()) {
      return syslog("THUNDERBIRD", m.group(1), m.group(2));
    }
    m = HDFS.matcher(line);
    if (m.matches()) {
      return new LogLine("HDFS", null, m.group(1), m.group(2), m.group(3));
    }
    m = SYSLOG.matcher(line);
    if (m.matches()) {
      return syslog("SYSLOG", null, m.group(1));
    }
    return new LogLine("OTHER", null, "-", "-", line.strip());
  }

  private static LogLine syslog(String format, String label, String rest) {
    Matcher p = PROCESS.matcher(rest);
    if (p.matches()) {
      return new LogLine(format, label, "-", p.group(1), p.group(2));
    }
    return new LogLine(format, label, "-", "-", rest);
  }

  /** Whether the line's label says it is an anomaly; false if it has no label. */
  public boolean labelledAnomalous() {
    return label != null && !label.equals("-");
  }
}
