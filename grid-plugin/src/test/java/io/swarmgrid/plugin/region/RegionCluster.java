package io.swarmgrid.plugin.region;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.RegionsConfig;
import io.swarmgrid.config.StorageConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One region for tests: a real cluster of its own (own cluster name, own loopback ports) whose
 * members run SwarmGrid with the region engine. Ports are offsets from {@code
 * -Dswarmgrid.test.basePort} so parallel builds do not collide.
 */
final class RegionCluster implements AutoCloseable {
  static final int BASE = Integer.getInteger("swarmgrid.test.basePort", 5901);

  final String name;
  final String clusterName;
  final int port;
  private final Path keys;
  private final Map<String, RegionsConfig.RegionPeer> peers = new LinkedHashMap<>();
  private final Map<String, RegionsConfig.ReplicatedMap> maps = new LinkedHashMap<>();
  private final List<HazelcastInstance> members = new ArrayList<>();
  private StorageConfig storage = StorageConfig.DEFAULTS;

  /** Region {@code name} on ports {@code BASE + offset} and up (20 ports). */
  RegionCluster(String name, int offset, Path keys) {
    this.name = name;
    this.clusterName = "swarm-" + name + "-" + UUID.randomUUID().toString().substring(0, 6);
    this.port = BASE + offset;
    this.keys = keys;
  }

  RegionCluster peer(RegionCluster other) {
    peers.put(
        other.name,
        new RegionsConfig.RegionPeer(
            other.clusterName,
            List.of("127.0.0.1:" + other.port, "127.0.0.1:" + (other.port + 1))));
    return this;
  }

  /** Event journals of this capacity (the smallest allowed is 1,000 entries per map). */
  RegionCluster journalCapacity(int capacity) {
    storage = StorageConfig.custom().eventJournalCapacity(capacity).build();
    return this;
  }

  RegionCluster replicate(String map, String policy) {
    maps.put(map, new RegionsConfig.ReplicatedMap(List.of(), policy, ""));
    return this;
  }

  SwarmGridConfig swarmConfig(int index) {
    RegionsConfig regions =
        RegionsConfig.custom()
            .peers(peers)
            .maps(maps)
            .retryInitialMillis(100)
            .retryMaxMillis(1000)
            .statusIntervalMillis(200)
            .snapshotIntervalMillis(500)
            .build();
    return SwarmGridConfig.custom()
        .node(
            NodeConfig.custom()
                .id(name + "-" + index)
                .region(name)
                .keyFile(keys.resolve("{node-id}.key").toString())
                .build())
        .engines(EnginesConfig.of(EnumSet.of(EngineKind.REGION)))
        .regions(regions)
        .storage(storage)
        .build();
  }

  Config memberConfig(int index) {
    Config config = EmbeddedCluster.loopbackConfig(clusterName, port, 20, 4);
    SwarmGrid.enable(config, swarmConfig(index));
    return config;
  }

  HazelcastInstance start() {
    HazelcastInstance hz = Hazelcast.newHazelcastInstance(memberConfig(members.size()));
    members.add(hz);
    return hz;
  }

  RegionCluster start(int count) {
    for (int i = 0; i < count; i++) {
      start();
    }
    return this;
  }

  HazelcastInstance member(int i) {
    return members.get(i);
  }

  HazelcastInstance any() {
    return members.stream()
        .filter(m -> m.getLifecycleService().isRunning())
        .findFirst()
        .orElseThrow();
  }

  /**
   * Terminates the members, each on a thread of its own, waiting up to 30 s for all of them, so a
   * member that cannot stop (the sink hang of docs/REGIONS.md, now fixed) fails no other test.
   */
  void stop() {
    List<Thread> stoppers = new ArrayList<>();
    for (HazelcastInstance m : members) {
      Thread t = new Thread(() -> m.getLifecycleService().terminate(), "stop-" + name);
      t.setDaemon(true);
      t.start();
      stoppers.add(t);
    }
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    for (Thread t : stoppers) {
      try {
        t.join(
            Math.max(
                1,
                java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    members.clear();
  }

  @Override
  public void close() {
    stop();
  }
}
