package io.swarmgrid.storage.content;

/**
 * Content that is missing, corrupted in every copy, malformed, or refused; the message names the
 * hash.
 */
public final class ContentException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final transient Object value;

  /** An error about {@code field} with {@code value}: {@code reason}. */
  public ContentException(String field, Object value, String reason) {
    super(field + ": '" + value + "' " + reason);
    this.field = field;
    this.value = value;
  }

  /** The field at fault, e.g. {@code content hash}. */
  public String field() {
    return field;
  }

  /** The value at fault. */
  public Object value() {
    return value;
  }
}
