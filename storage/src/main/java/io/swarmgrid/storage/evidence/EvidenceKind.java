package io.swarmgrid.storage.evidence;

/**
 * What a piece of {@link Evidence} accuses a node of, and what its material must show. The store
 * checks the material for what the kind claims; a reporter's word adds nothing to it.
 */
public enum EvidenceKind {
  /**
   * Two votes signed by the accused on the same proposal with different choices. The material is
   * the two votes' signed bytes ({@code Vote.signedBytes()}) with their signatures; the subject is
   * the proposal id. Self-proving.
   */
  EQUIVOCATION(true),
  /**
   * A result that differs from the agreed result of the same work: the accused's signed result
   * statement, which the grid recorded next to an agreed result it differs from ({@link
   * AgreedResults}); the subject is what that record names. Not self-proving: honest nodes can
   * differ (a non-deterministic workload), so it costs less.
   */
  DISAGREEING_RESULT(false),
  /**
   * A message the accused signed in another node's name: a vote whose voter is another registered
   * node, whose signature does not verify with that node's key but does with the accused's. The
   * subject is the proposal id. Self-proving.
   */
  FORGED_MESSAGE(true);

  private final boolean selfProving;

  EvidenceKind(boolean selfProving) {
    this.selfProving = selfProving;
  }

  /** Whether the material proves the misbehaviour by itself, without trusting the reporter. */
  public boolean selfProving() {
    return selfProving;
  }
}
