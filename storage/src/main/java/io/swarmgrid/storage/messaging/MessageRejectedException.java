package io.swarmgrid.storage.messaging;

/**
 * A message was refused before anything was queued: unknown recipient, payload over the limit,
 * deadline in the past, full inbox. The message names the field and the value.
 */
public final class MessageRejectedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** A rejection of {@code value} in {@code field}, because of {@code reason}. */
  public MessageRejectedException(String field, Object value, String reason) {
    super(field + ": '" + value + "' " + reason + "; nothing was queued");
    this.field = field;
  }

  /** The field that was refused. */
  public String field() {
    return field;
  }
}
