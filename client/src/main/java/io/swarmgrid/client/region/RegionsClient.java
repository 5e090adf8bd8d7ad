package io.swarmgrid.client.region;

import java.util.List;
import java.util.Optional;

/**
 * Replication across regions seen from a client ({@code SwarmClient.regions()}): the status of each
 * link from the region (cluster) this client is connected to, as its members publish it in
 * {@code swarm.replication} every {@code regions.status-interval-millis}.
 */
public interface RegionsClient {
  /** Every link of this region, by map then target region. */
  List<LinkStatus> replication();

  /** The link of {@code map} to {@code target}, if this region replicates it there. */
  Optional<LinkStatus> replication(String map, String target);
}
