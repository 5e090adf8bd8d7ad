package io.swarmgrid.storage.evidence;

/** Evidence that does not verify; the message names the field and the value. Nothing was stored. */
public final class EvidenceRejectedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** Evidence rejected because of {@code field}. */
  public EvidenceRejectedException(String field, Object value, String reason) {
    super(
        "evidence rejected, "
            + field
            + ": "
            + (value == null ? "missing" : "'" + value + "'")
            + " "
            + reason);
    this.field = field;
  }

  /** The field that failed verification. */
  public String field() {
    return field;
  }
}
