package io.swarmgrid.tasks.diffusion;

import java.io.Serializable;

/**
 * What an injector needs from the members' {@code diffusion} config; read from a member running the
 * engine with {@link SettingsTask}.
 *
 * @param chunkBytes target chunk size
 * @param contentCopies copies per content entry
 * @param redundancy copies per chunk
 * @param maxCopies copies per chunk at most, tie-breakers included
 * @param decay energy factor per hop
 * @param threshold energy under which a task is not passed on
 * @param maxEnergy highest injectable energy
 * @param maxTasks tasks the grid holds at most
 * @param maxTaskAgeSeconds a task not finished after this expires
 * @param finishedTaskTtlSeconds a finished task stays this long
 */
public record DiffusionSettings(
    int chunkBytes,
    int contentCopies,
    int redundancy,
    int maxCopies,
    double decay,
    double threshold,
    double maxEnergy,
    int maxTasks,
    int maxTaskAgeSeconds,
    int finishedTaskTtlSeconds)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Copies that agree a chunk: a strict majority of the redundancy. */
  public int quorum() {
    return redundancy / 2 + 1;
  }
}
