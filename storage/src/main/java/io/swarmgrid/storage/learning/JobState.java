package io.swarmgrid.storage.learning;

/** Where a training job is. */
public enum JobState {
  /** Rounds are being run by the member that owns the job's entry. */
  RUNNING,
  /** Every round ran. */
  DONE,
  /** Stopped by an error its message names (e.g. a rule that cannot tolerate f for n). */
  FAILED
}
