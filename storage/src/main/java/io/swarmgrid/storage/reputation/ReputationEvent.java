package io.swarmgrid.storage.reputation;

/** What happened that moves a node's reputation; {@link ReputationRule} says by how much. */
public enum ReputationEvent {
  /** A task the node ran succeeded. */
  TASK_SUCCEEDED,
  /** A task the node ran failed. */
  TASK_FAILED,
  /** The node did not answer or finish in time. */
  TIMEOUT,
  /** A vote of the node that the reported outcome proved correct. */
  VOTE_CORRECT,
  /** A vote of the node that the reported outcome proved wrong. */
  VOTE_WRONG,
  /**
   * Verified evidence that proves itself: two different messages validly signed by the node (e.g.
   * equivocation). No honest node can produce it.
   */
  EVIDENCE_SELF_PROVING,
  /**
   * Verified evidence vouched for by its reporter's signature only (a result that disagrees with
   * the majority of redundant executions, a forged message).
   */
  EVIDENCE_REPORTED
}
