package io.swarmgrid.plugin.region.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.config.RegionsConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.region.RegionHealth;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures this region's load and the round trip to each peer region, for the geographic router.
 */
public final class RegionProber {
  private final HazelcastInstance hz;
  private final SwarmGridConfig config;
  private final Map<String, RegionClient> pingClients = new HashMap<>();
  private boolean closed;

  /** A prober from member {@code hz} with its SwarmGrid config. */
  public RegionProber(HazelcastInstance hz, SwarmGridConfig config) {
    this.hz = hz;
    this.config = config;
  }

  /**
   * Pings every peer region through a client of its own (a read of a missing key: one round trip)
   * and records it with this region's load in {@code swarm.regions}, for the geographic router.
   */
  public void measure() {
    IMap<String, RegionHealth> health = hz.getMap(SwarmMap.REGIONS.mapName());
    long now = System.currentTimeMillis();
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    double load = Math.max(0, os.getSystemLoadAverage()) / Math.max(1, os.getAvailableProcessors());
    String own = config.node().region();
    health.set(own, new RegionHealth(own, true, true, 0, load, "", now));
    long timeout = Math.min(2000, 2 * config.regions().statusIntervalMillis());
    for (Map.Entry<String, RegionsConfig.RegionPeer> peer : config.regions().peers().entrySet()) {
      RegionClient client = pingClient(peer.getKey(), peer.getValue());
      if (client == null) {
        return; // closed
      }
      long start = System.nanoTime();
      RegionHealth h;
      try {
        client
            .map(SwarmMap.REGIONS.mapName())
            .getAsync("__swarmgrid-ping")
            .toCompletableFuture()
            .get(timeout, TimeUnit.MILLISECONDS);
        h =
            new RegionHealth(
                peer.getKey(), false, true, (System.nanoTime() - start) / 1e6, -1, "", now);
      } catch (Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        h =
            new RegionHealth(
                peer.getKey(),
                false,
                false,
                0,
                -1,
                cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                now);
      }
      health.set(peer.getKey(), h);
    }
  }

  // Under the lock, so that close cannot miss a client made while it runs.
  private synchronized RegionClient pingClient(String region, RegionsConfig.RegionPeer peer) {
    return closed ? null : pingClients.computeIfAbsent(region, r -> newPingClient(r, peer));
  }

  private RegionClient newPingClient(String region, RegionsConfig.RegionPeer peer) {
    return new RegionClient(
        "swarmgrid-ping-" + config.node().region() + "-to-" + region,
        peer.clusterName(),
        peer.addresses(),
        config.regions().retryInitialMillis(),
        config.regions().retryMaxMillis());
  }

  /** Shuts the ping clients down; a measurement that runs meanwhile makes no new one. */
  public synchronized void close() {
    closed = true;
    pingClients
        .values()
        .forEach(
            c -> {
              try {
                c.shutdown();
              } catch (RuntimeException ignored) {
                // Already down.
              }
            });
    pingClients.clear();
  }
}
