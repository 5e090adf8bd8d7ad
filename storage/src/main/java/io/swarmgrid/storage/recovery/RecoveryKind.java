package io.swarmgrid.storage.recovery;

/**
 * How the loss of a member was classified once the grace period ({@code
 * fault.recovery-grace-seconds}) ended.
 */
public enum RecoveryKind {
  /** The node came back (on a new member) within the grace period: it keeps its work. */
  TEMPORARY,
  /** The node did not come back: its work was re-assigned to healthy nodes. */
  PERMANENT
}
