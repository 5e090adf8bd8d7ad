package io.swarmgrid.storage.messaging;

/**
 * A request reached its recipient's inbox head after its deadline, so it was dropped undelivered.
 */
public final class DeadlineMissedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** For the request with {@code correlationId}, dropped by {@code recipient}. */
  public DeadlineMissedException(String correlationId, String recipient) {
    super(
        "request "
            + correlationId
            + " expired before "
            + recipient
            + " could take it; it was not delivered");
  }
}
