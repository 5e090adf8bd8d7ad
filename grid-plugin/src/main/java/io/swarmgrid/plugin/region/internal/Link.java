package io.swarmgrid.plugin.region.internal;

import io.swarmgrid.config.RegionsConfig;
import java.io.Serializable;
import java.util.List;

/**
 * One replication link: a map, from this region to a target region, with everything the job's
 * processors need (captured in the job's serialized lambdas, hence Serializable).
 */
public record Link(
    String map,
    String source,
    String target,
    String clusterName,
    List<String> addresses,
    String policy,
    String mergeClass,
    long tombstoneTtlSeconds,
    long retryInitialMillis,
    long retryMaxMillis,
    long statusIntervalMillis,
    long resyncAfterMillis,
    long snapshotIntervalMillis)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The link of {@code map} to {@code target} under {@code config}. */
  public static Link of(String map, String source, String target, RegionsConfig config) {
    RegionsConfig.RegionPeer peer = config.peers().get(target);
    RegionsConfig.ReplicatedMap rm = config.maps().get(map);
    return new Link(
        map,
        source,
        target,
        peer.clusterName(),
        List.copyOf(peer.addresses()),
        config.policyOf(map).key(),
        rm == null ? "" : rm.mergeClass(),
        config.tombstoneTtlSeconds(),
        config.retryInitialMillis(),
        config.retryMaxMillis(),
        config.statusIntervalMillis(),
        config.resyncAfterMillis(),
        config.snapshotIntervalMillis());
  }

  /** The streaming job's name (one per link in the source cluster). */
  public String streamJobName() {
    return "swarmgrid-replicate-" + map + "-to-" + target;
  }

  /** The name of a full-copy job of this link; {@code epoch} tells resyncs apart. */
  public String syncJobName(String epoch) {
    return "swarmgrid-sync-" + map + "-to-" + target + "-" + epoch;
  }
}
