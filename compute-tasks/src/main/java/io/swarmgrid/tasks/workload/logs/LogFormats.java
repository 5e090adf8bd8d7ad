package io.swarmgrid.tasks.workload.logs;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ten loghub formats built in (format strings as the loghub benchmark configures its parsers,
 * with narrower field patterns so that a line's format can be recognised), lookup by name or format
 * string, and detection of a file's format from its lines.
 */
public final class LogFormats {
  private static final String WORD = "\\S+";
  private static final String NUMBER = "\\d+";
  private static final String UPPER = "[A-Z]+";
  private static final String MONTH = "[A-Z][a-z]{2}";
  private static final String CLOCK = "\\d\\d:\\d\\d:\\d\\d";
  private static final String ISO_DATE = "\\d{4}-\\d\\d-\\d\\d";

  /** Tried in this order; a more specific format comes before one that would also match. */
  private static final Map<String, LogFormat> BUILT_IN = new LinkedHashMap<>();

  static {
    add(
        "BGL",
        "<Label> <Timestamp> <Date> <Node> <Time> <NodeRepeat> <Type> <Component> <Level> <Content>",
        Map.of(
            "Label",
            WORD,
            "Timestamp",
            NUMBER,
            "Date",
            "\\d{4}\\.\\d\\d\\.\\d\\d",
            "Node",
            WORD,
            "Time",
            "\\d{4}-\\d\\d-\\d\\d-[\\d.]+",
            "NodeRepeat",
            WORD,
            "Type",
            WORD,
            "Component",
            WORD,
            "Level",
            WORD));
    add(
        "Thunderbird",
        "<Label> <Timestamp> <Date> <User> <Month> <Day> <Time> <Location> <Component>(\\[<Pid>\\])?: <Content>",
        Map.of(
            "Label",
            WORD,
            "Timestamp",
            NUMBER,
            "Date",
            "\\d{4}\\.\\d\\d\\.\\d\\d",
            "User",
            WORD,
            "Month",
            MONTH,
            "Day",
            NUMBER,
            "Time",
            CLOCK,
            "Location",
            WORD,
            "Component",
            ".*?",
            "Pid",
            NUMBER));
    add(
        "HDFS",
        "<Date> <Time> <Pid> <Level> <Component>: <Content>",
        Map.of(
            "Date",
            "\\d{6}",
            "Time",
            "\\d{6}",
            "Pid",
            NUMBER,
            "Level",
            UPPER,
            "Component",
            "[^\\s:]+"));
    add(
        "Hadoop",
        "<Date> <Time> <Level> \\[<Process>\\] <Component>: <Content>",
        Map.of(
            "Date",
            ISO_DATE,
            "Time",
            "[\\d:,]+",
            "Level",
            UPPER,
            "Process",
            "[^\\]]*",
            "Component",
            "[^\\s:]+"));
    add(
        "Zookeeper",
        "<Date> <Time> - <Level> \\[<Node>:<Component>@<Id>\\] - <Content>",
        Map.of(
            "Date",
            ISO_DATE,
            "Time",
            "[\\d:,]+",
            "Level",
            UPPER,
            "Node",
            ".*?",
            "Component",
            "[^:@\\]]+",
            "Id",
            NUMBER));
    add(
        "Spark",
        "<Date> <Time> <Level> <Component>: <Content>",
        Map.of(
            "Date",
            "\\d\\d/\\d\\d/\\d\\d",
            "Time",
            CLOCK,
            "Level",
            UPPER,
            "Component",
            "[^\\s:]+"));
    add(
        "OpenStack",
        "<Logrecord> <Date> <Time> <Pid> <Level> <Component> \\[<ADDR>\\] <Content>",
        Map.of(
            "Logrecord",
            WORD,
            "Date",
            ISO_DATE,
            "Time",
            "[\\d:.]+",
            "Pid",
            NUMBER,
            "Level",
            UPPER,
            "Component",
            WORD,
            "ADDR",
            "[^\\]]*"));
    add(
        "OpenSSH",
        "<Month> <Day> <Time> <Host> <Component>\\[<Pid>\\]: <Content>",
        Map.of(
            "Month",
            MONTH,
            "Day",
            NUMBER,
            "Time",
            CLOCK,
            "Host",
            WORD,
            "Component",
            "sshd",
            "Pid",
            NUMBER));
    add(
        "Linux",
        "<Month> <Day> <Time> <Host> <Component>(\\[<Pid>\\])?: <Content>",
        Map.of(
            "Month",
            MONTH,
            "Day",
            NUMBER,
            "Time",
            CLOCK,
            "Host",
            WORD,
            "Component",
            ".*?",
            "Pid",
            NUMBER));
    add(
        "Apache",
        "\\[<Time>\\] \\[<Level>\\] <Content>",
        Map.of("Time", "[^\\]]+", "Level", "[a-z]+"));
  }

  private LogFormats() {}

  private static void add(String name, String format, Map<String, String> fieldPatterns) {
    BUILT_IN.put(name, LogFormat.of(name, format, fieldPatterns));
  }

  /** The built-in formats, in the order {@link #parse} tries them. */
  public static Collection<LogFormat> builtIn() {
    return BUILT_IN.values();
  }

  /**
   * A built-in format by name (case-insensitive), or a format string (anything with a {@code <}).
   *
   * @throws IllegalArgumentException naming the value and the built-in names
   */
  public static LogFormat byNameOrFormat(String nameOrFormat) {
    if (nameOrFormat != null && nameOrFormat.contains("<")) {
      return LogFormat.of("custom", nameOrFormat);
    }
    return BUILT_IN.values().stream()
        .filter(f -> f.name().equalsIgnoreCase(nameOrFormat))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "format: unknown format '"
                        + nameOrFormat
                        + "'; built in: "
                        + BUILT_IN.keySet()
                        + ", or a format string such as '<Date> <Time> <Level> <Content>'"));
  }

  /** The line parsed by the first built-in format that matches it, or all content if none. */
  public static ParsedLog parse(String line) {
    for (LogFormat format : BUILT_IN.values()) {
      Optional<ParsedLog> parsed = format.parse(line);
      if (parsed.isPresent()) {
        return parsed.get();
      }
    }
    return ParsedLog.unparsed(line);
  }

  /**
   * The built-in format that parses the most of {@code lines} (ties go to the earlier format), or
   * empty if none parses any.
   */
  public static Optional<LogFormat> detect(List<String> lines) {
    List<LogFormat> formats = List.copyOf(BUILT_IN.values());
    long[] parsed = new long[formats.size()];
    for (int i = 0; i < formats.size(); i++) {
      LogFormat format = formats.get(i);
      parsed[i] = lines.stream().filter(l -> format.parse(l).isPresent()).count();
    }
    return formats.stream()
        .filter(f -> parsed[formats.indexOf(f)] > 0)
        .max(
            Comparator.<LogFormat>comparingLong(f -> parsed[formats.indexOf(f)])
                .thenComparing(f -> -formats.indexOf(f)));
  }
}
