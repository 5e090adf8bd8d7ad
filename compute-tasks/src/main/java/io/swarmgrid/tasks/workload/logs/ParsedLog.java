package io.swarmgrid.tasks.workload.logs;

import java.util.Map;

/**
 * The fields of one log line as its {@link LogFormat} cut them.
 *
 * @param format the format's name ({@code -} for a line that matched no format: its whole text is
 *     the content)
 * @param fields field name to value, in format order
 */
public record ParsedLog(String format, Map<String, String> fields) {
  /** The name of the format for lines no format matched. */
  public static final String NO_FORMAT = "-";

  /** Copies the fields. */
  public ParsedLog {
    fields = Map.copyOf(fields);
  }

  /** A line no format matched: all of it is content. */
  public static ParsedLog unparsed(String line) {
    return new ParsedLog(NO_FORMAT, Map.of(LogFormat.CONTENT, line));
  }

  /** The value of {@code field}, or {@code -} if the format has no such field. */
  public String field(String field) {
    String value = fields.get(field);
    return value == null || value.isEmpty() ? "-" : value;
  }

  /** The free text. */
  public String content() {
    return fields.getOrDefault(LogFormat.CONTENT, "");
  }

  /** The severity ({@code Level} field), or {@code -}. */
  public String level() {
    return field("Level");
  }

  /** The component ({@code Component} field), or {@code -}. */
  public String component() {
    return field("Component");
  }

  /** Whether a {@code Label} field says the line is an anomaly (loghub: {@code -} is normal). */
  public boolean labelledAnomalous() {
    return !field("Label").equals("-");
  }
}
