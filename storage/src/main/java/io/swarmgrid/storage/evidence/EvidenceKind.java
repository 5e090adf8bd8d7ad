package io.swarmgrid.storage.evidence;

/** What a piece of {@link Evidence} accuses a node of. */
public enum EvidenceKind {
  /**
   * Two different messages about one subject (e.g. two votes on one proposal), both validly signed
   * by the accused. Self-proving: the store checks both signatures against the accused's key.
   */
  EQUIVOCATION(true),
  /**
   * A result that disagrees with the majority of redundant executions. The material holds the
   * accused's signed result; the reporter vouches for the majority.
   */
  DISAGREEING_RESULT(false),
  /**
   * A message the accused passed on whose signature does not verify with the key of the node it
   * claims to come from. The store checks that it indeed does not verify.
   */
  FORGED_MESSAGE(false);

  private final boolean selfProving;

  EvidenceKind(boolean selfProving) {
    this.selfProving = selfProving;
  }

  /** Whether the material proves the misbehaviour by itself, without trusting the reporter. */
  public boolean selfProving() {
    return selfProving;
  }
}
