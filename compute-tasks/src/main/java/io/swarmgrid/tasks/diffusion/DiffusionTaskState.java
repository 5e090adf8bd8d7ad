package io.swarmgrid.tasks.diffusion;

/** Where a diffusion task is. */
public enum DiffusionTaskState {
  /** Chunks are being processed. */
  RUNNING,
  /** Every chunk is agreed and the result merged (or an information task was injected). */
  DONE,
  /** Not finished within {@code diffusion.max-task-age-seconds}; its state was dropped. */
  EXPIRED
}
