package io.swarmgrid.ml.internal;

import java.util.Arrays;

/** Argument checks whose messages name the field and the rejected value. */
public final class ModelChecks {

  private ModelChecks() {}

  public static <T> T notNull(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    return value;
  }

  public static String nonBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          field + " must not be blank, got " + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }

  public static String decisionType(String value, int maxLength) {
    nonBlank("decisionType", value);
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          "decisionType must have at most "
              + maxLength
              + " characters, got "
              + value.length()
              + ": '"
              + value.substring(0, Math.min(40, maxLength))
              + "...'");
    }
    return value;
  }

  public static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number, got " + value);
    }
    return value;
  }

  public static double fraction(String field, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(field + " must be in [0, 1], got " + value);
    }
    return value;
  }

  /** Strictly between 0 and 1. */
  public static double openFraction(String field, double value) {
    if (!(value > 0.0 && value < 1.0)) {
      throw new IllegalArgumentException(field + " must be in (0, 1), got " + value);
    }
    return value;
  }

  public static double nonNegative(String field, double value) {
    if (!(value >= 0.0) || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(field + " must be finite and >= 0, got " + value);
    }
    return value;
  }

  public static int nonNegative(String field, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must be >= 0, got " + value);
    }
    return value;
  }

  public static int positive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be > 0, got " + value);
    }
    return value;
  }

  /**
   * Returns a copy of {@code values} after checking that it is present, short enough and finite.
   */
  public static double[] finiteVector(String field, double[] values, int maxLength) {
    if (values == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    if (values.length > maxLength) {
      throw new IllegalArgumentException(
          field + " must have at most " + maxLength + " entries, got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            field
                + "["
                + i
                + "] must be a finite number, got "
                + values[i]
                + " in "
                + Arrays.toString(values));
      }
    }
    return values.clone();
  }
}
