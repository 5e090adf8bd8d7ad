package io.swarmgrid.tasks.workload.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A log header format, written the way the loghub benchmark configures its parsers: {@code <Date>
 * <Time> <Pid> <Level> <Component>: <Content>}. Each {@code <Name>} is a field; the text between
 * fields is a regular expression in which a run of spaces matches any run of white space (so {@code
 * \[} is a literal bracket and {@code (\[<Pid>\])?} an optional part). A field matches {@code .*?}
 * unless the format gives it a narrower pattern (the built-in formats do, so that they can be told
 * apart). {@code <Content>} is required: it is the free text templates are mined from.
 */
public final class LogFormat {
  private static final Pattern FIELD = Pattern.compile("<([^<>]*)>");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

  /** The field holding the free text of a line. */
  public static final String CONTENT = "Content";

  private final String name;
  private final String format;
  private final List<String> fields;
  private final Pattern pattern;

  private LogFormat(String name, String format, List<String> fields, Pattern pattern) {
    this.name = name;
    this.format = format;
    this.fields = fields;
    this.pattern = pattern;
  }

  /**
   * A format with every field matching {@code .*?}, as the loghub benchmark reads its formats.
   *
   * @throws IllegalArgumentException naming the format and what is wrong with it
   */
  public static LogFormat of(String name, String format) {
    return of(name, format, Map.of());
  }

  /**
   * A format whose fields named in {@code fieldPatterns} match those regular expressions.
   *
   * @throws IllegalArgumentException naming the format and what is wrong with it
   */
  public static LogFormat of(String name, String format, Map<String, String> fieldPatterns) {
    if (format == null || format.isBlank()) {
      throw new IllegalArgumentException("format: '" + format + "' is empty");
    }
    List<String> fields = new ArrayList<>();
    StringBuilder regex = new StringBuilder("^");
    Matcher m = FIELD.matcher(format);
    int at = 0;
    while (m.find()) {
      regex.append(literal(format.substring(at, m.start())));
      String field = m.group(1);
      if (!NAME.matcher(field).matches() || fields.contains(field)) {
        throw new IllegalArgumentException(
            "format: '"
                + format
                + "' has a bad or repeated field <"
                + field
                + ">; fields are letters and digits, each once");
      }
      fields.add(field);
      regex.append("(?<").append(field).append('>');
      regex.append(fieldPatterns.getOrDefault(field, ".*?")).append(')');
      at = m.end();
    }
    regex.append(literal(format.substring(at))).append('$');
    if (!fields.contains(CONTENT)) {
      throw new IllegalArgumentException("format: '" + format + "' has no <" + CONTENT + "> field");
    }
    try {
      return new LogFormat(name, format, List.copyOf(fields), Pattern.compile(regex.toString()));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "format: '" + format + "' is not a valid pattern: " + e.getDescription(), e);
    }
  }

  private static String literal(String text) {
    return text.replaceAll(" +", "\\\\s+");
  }

  /** The name (a built-in format's name, or the one given). */
  public String name() {
    return name;
  }

  /** The format string. */
  public String format() {
    return format;
  }

  /** The field names in order. */
  public List<String> fields() {
    return fields;
  }

  /** The line's fields, or empty if the line does not have this format. */
  public Optional<ParsedLog> parse(String line) {
    Matcher m = pattern.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : fields) {
      values.put(field, m.group(field) == null ? "" : m.group(field));
    }
    return Optional.of(new ParsedLog(name, values));
  }

  @Override
  public String toString() {
    return name + " " + format;
  }
}
