package io.swarmgrid.storage.work;

/** What {@link WorkStore#complete} did. */
public enum Completion {
  /** The lease was current: the item is completed now. */
  COMPLETED,
  /**
   * Refused: the item was re-assigned since the lease was given (another node or a newer epoch).
   */
  STALE_LEASE,
  /** Refused: the item was completed before. */
  ALREADY_COMPLETED,
  /** Refused: no such item. */
  UNKNOWN;

  /** Whether this call completed the item. */
  public boolean accepted() {
    return this == COMPLETED;
  }
}
