package io.swarmgrid.tasks.region;

import io.swarmgrid.storage.region.ReplicationStamp;

/**
 * A custom conflict policy ({@code policy: custom, merge-class: ...}): decides, on the target
 * region's member that owns the key, whether a replicated update replaces the state the target
 * holds. It must decide the same way for the same two stamps everywhere (a total order), or regions
 * do not converge. Implementations need a public no-argument constructor and must be on every
 * member's class path.
 */
public interface RegionMerge {
  /**
   * Whether {@code incoming} replaces {@code existing}.
   *
   * @param existing the stamp of the state the target holds (never null)
   * @param incoming the stamp of the replicated update
   */
  boolean incomingWins(ReplicationStamp existing, ReplicationStamp incoming);
}
