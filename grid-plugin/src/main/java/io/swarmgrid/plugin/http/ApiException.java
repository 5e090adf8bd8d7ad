package io.swarmgrid.plugin.http;

/**
 * A refused request: the status and a JSON body {@code {"error":..., "field":..., "value":...}}
 * naming what was wrong. Nothing was changed.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String field;
  private final String value;

  /** A refusal with {@code status}, naming {@code field} and {@code value} (either may be null). */
  public ApiException(int status, String field, Object value, String message) {
    super(message);
    this.status = status;
    this.field = field;
    this.value = value == null ? null : String.valueOf(value);
  }

  /** 400: {@code field} has a value that is not allowed, saying {@code why}. */
  public static ApiException badRequest(String field, Object value, String why) {
    return new ApiException(400, field, value, field + ": '" + value + "' " + why);
  }

  /** 404: no {@code what} with the id {@code value} (in {@code field}). */
  public static ApiException notFound(String field, Object value, String what) {
    return new ApiException(404, field, value, field + ": '" + value + "' is not a known " + what);
  }

  /** 503: the engine this route needs is not running on this member. */
  public static ApiException engineOff(String engine) {
    return new ApiException(
        503,
        "engine",
        engine,
        "engine '" + engine + "' is not running on this member (swarmgrid.engines." + engine + ")");
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The field that was wrong, or null. */
  public String field() {
    return field;
  }

  /** The value that was wrong, or null. */
  public String value() {
    return value;
  }
}
