package io.swarmgrid.storage.consensus;

/**
 * What happened to a vote. Everything but {@link #ACCEPTED} and {@link #DECIDED} changed nothing.
 */
public enum VoteStatus {
  /** Counted. */
  ACCEPTED,
  /** Counted, and it completed the quorum: the proposal is decided. */
  DECIDED,
  /**
   * Not counted: a second vote of a voter with a different choice; both are kept as evidence of
   * equivocation.
   */
  EQUIVOCATION,
  /** No such proposal. */
  UNKNOWN_PROPOSAL,
  /** The voter is not in the proposal's electorate (unknown, or quarantined when it was made). */
  UNKNOWN_VOTER,
  /** The signature does not verify with the voter's public key. */
  FORGED_SIGNATURE,
  /** The deadline has passed. */
  AFTER_DEADLINE,
  /**
   * The same choice signed again (a retry that signed anew); the first counts. The very same signed
   * vote sent again gets its first receipt instead ({@code ACCEPTED} or {@code DECIDED}).
   */
  DUPLICATE,
  /** The voter equivocated earlier on this proposal; its later votes don't count. */
  EQUIVOCATOR,
  /** The proposal is already decided. */
  ALREADY_DECIDED,
  /** A field is out of range (confidence, choice, vector length). */
  INVALID;

  /** Whether the vote counted. */
  public boolean counted() {
    return this == ACCEPTED || this == DECIDED;
  }
}
