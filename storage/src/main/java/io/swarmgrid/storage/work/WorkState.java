package io.swarmgrid.storage.work;

/** Where a {@link WorkItem} is in its life. */
public enum WorkState {
  /** Owned by a node that is (or should be) running it. */
  ASSIGNED,
  /** Completed once, by the owner holding the current epoch; never runs again. */
  COMPLETED
}
