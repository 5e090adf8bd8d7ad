package io.swarmgrid.client.diffusion;

import io.swarmgrid.tasks.diffusion.DiffusionTaskState;

/**
 * Where a diffusion task is.
 *
 * @param taskId the task
 * @param workload its workload (empty for information)
 * @param state running, done or expired
 * @param energy the energy it was injected with
 * @param lowestEnergy the lowest energy a node holds it with (0 when no node holds it)
 * @param nodesReached nodes that hold it now (the count drops to 0 when a finished task's state is
 *     dropped)
 * @param chunksDone chunks agreed by a quorum of copies
 * @param chunksTotal chunks of its input
 * @param reinjections how often it was injected again after stalling
 * @param originNode the node it was injected at
 * @param finishedBy the node that merged its result (empty before)
 * @param elapsedMillis from injection to finishing (or to now)
 */
public record DiffusionProgress(
    String taskId,
    String workload,
    DiffusionTaskState state,
    double energy,
    double lowestEnergy,
    int nodesReached,
    int chunksDone,
    int chunksTotal,
    int reinjections,
    String originNode,
    String finishedBy,
    long elapsedMillis) {

  /** Whether it finished (done or expired). */
  public boolean finished() {
    return state != DiffusionTaskState.RUNNING;
  }
}
