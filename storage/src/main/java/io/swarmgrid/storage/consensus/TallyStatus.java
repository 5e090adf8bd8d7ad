package io.swarmgrid.storage.consensus;

/** Where a proposal's tally stands. */
public enum TallyStatus {
  /** Votes are being taken. */
  OPEN,
  /** Quorum reached or deadline passed; the decision awaits its commit through CP. */
  DECIDED,
  /** The decision is committed through CP and published in {@code swarm.decisions}. */
  COMMITTED
}
