package io.swarmgrid.storage.consensus;

/** How a proposal ended. */
public enum DecisionEnd {
  /** An option other than "reject" reached the weighted quorum. */
  QUORUM,
  /** The "reject" option reached the quorum, or the learned model vetoed an approval. */
  REJECTED,
  /** The deadline passed without any option reaching the quorum. */
  DEADLINE_PASSED
}
