package io.swarmgrid.client.region;

import io.swarmgrid.storage.region.RegionHealth;
import io.swarmgrid.tasks.region.RouteChoice;
import io.swarmgrid.tasks.region.RouteRequest;
import java.util.List;
import java.util.Optional;

/**
 * Replication across regions seen from a client ({@code SwarmClient.regions()}): the status of each
 * link from the region (cluster) this client is connected to, as its members publish it in {@code
 * swarm.replication} every {@code regions.status-interval-millis}; the regions as this one measures
 * them; and the geographic router's choice for a computation.
 */
public interface RegionsClient {
  /** Every link of this region, by map then target region. */
  List<LinkStatus> replication();

  /** The link of {@code map} to {@code target}, if this region replicates it there. */
  Optional<LinkStatus> replication(String map, String target);

  /**
   * Every configured region as this region last measured it (reachable, round trip, load), by name.
   */
  List<RegionHealth> health();

  /**
   * Where a computation should run: the data's home region if it answers, else the nearest
   * reachable region; in this region the capable active node with the most cores. The choice says
   * why.
   *
   * @throws IllegalStateException when no region can take it (the message says why each was passed
   *     over)
   */
  RouteChoice route(RouteRequest request);
}
