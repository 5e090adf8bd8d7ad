package io.swarmgrid.storage.region;

/**
 * How a region looks from this one, measured by the oldest member's region engine every status
 * interval and kept in {@code swarm.regions} under the region's name (this region included).
 *
 * @param region the region's name
 * @param local whether this is the region that measured (the map's own region)
 * @param reachable whether the last ping answered
 * @param rttMillis round trip of the last answered ping, ms (0 for this region)
 * @param load system load per core of the measuring member (this region only; -1 for other regions)
 * @param lastError why the last ping failed, empty if it answered
 * @param measuredAt when (epoch ms)
 */
public record RegionHealth(
    String region,
    boolean local,
    boolean reachable,
    double rttMillis,
    double load,
    String lastError,
    long measuredAt) {}
