/**
 * Replication across regions, the parts that run next to the data: stamping local changes on the
 * source ({@link io.swarmgrid.tasks.region.StampLocal}) and deciding conflicts on the target
 * ({@link io.swarmgrid.tasks.region.ApplyStamp}, {@link io.swarmgrid.tasks.region.RegionMerge}).
 */
package io.swarmgrid.tasks.region;
