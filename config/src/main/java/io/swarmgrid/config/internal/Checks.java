package io.swarmgrid.config.internal;

import io.swarmgrid.config.SwarmConfigException;
import java.util.regex.Pattern;

/**
 * Argument checks shared by the config records and their builders; each names the key it checks.
 */
public final class Checks {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  private Checks() {}

  /** {@code value} within {@code [min, max]}, else an error naming {@code key}. */
  public static int range(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new SwarmConfigException(key, value, "an integer from " + min + " to " + max);
    }
    return value;
  }

  /** {@code value} within {@code [min, max]}, else an error naming {@code key}. */
  public static long range(String key, long value, long min, long max) {
    if (value < min || value > max) {
      throw new SwarmConfigException(key, value, "an integer from " + min + " to " + max);
    }
    return value;
  }

  /** {@code value} within {@code [min, max]} and not NaN, else an error naming {@code key}. */
  public static double range(String key, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new SwarmConfigException(key, value, "a number from " + min + " to " + max);
    }
    return value;
  }

  /** {@code value} a finite number within {@code [0, 1]}, else an error naming {@code key}. */
  public static double fraction(String key, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new SwarmConfigException(key, value, "a number from 0 to 1");
    }
    return value;
  }

  /** A name of letters, digits and {@code . _ : -}, 1 to 128 characters. */
  public static String name(String key, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new SwarmConfigException(
          key,
          value,
          "1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
    }
    return value;
  }

  /** Either empty (meaning: derive it) or a valid {@link #name}. */
  public static String optionalName(String key, String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return name(key, value);
  }

  /** {@code value} itself, else (null) an error naming {@code key} that says what is expected. */
  public static <T> T required(String key, T value, String allowed) {
    if (value == null) {
      throw new SwarmConfigException(key, null, allowed);
    }
    return value;
  }

  /** A non-blank string. */
  public static String nonBlank(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new SwarmConfigException(key, value, "a non-empty string");
    }
    return value;
  }
}
