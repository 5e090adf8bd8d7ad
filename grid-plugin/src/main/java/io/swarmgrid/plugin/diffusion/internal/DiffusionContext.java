package io.swarmgrid.plugin.diffusion.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.config.DiffusionConfig;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.tasks.diffusion.DiffusionSettings;
import io.swarmgrid.tasks.diffusion.DiffusionTask;
import io.swarmgrid.tasks.diffusion.Hop;
import io.swarmgrid.tasks.diffusion.ShareState;
import io.swarmgrid.tasks.diffusion.Visit;

/**
 * What every diffusion role of one member shares: the member and its node, the config and the
 * settings derived from it, the diffusion maps, the topology and the counters, and whether the
 * engine still runs.
 */
public final class DiffusionContext {
  private final SwarmNode node;
  private final HazelcastInstance hz;
  private final DiffusionConfig config;
  private final DiffusionSettings settings;
  private final TopologyKeeper keeper;
  private final DiffusionMetrics metrics;
  private final IMap<String, DiffusionTask> tasks;
  private final IMap<String, ShareState> shares;
  private final IMap<String, Visit> visits;
  private volatile boolean running = true;

  /** The context of {@code node}'s diffusion, with its topology keeper. */
  public DiffusionContext(SwarmNode node, TopologyKeeper keeper, DiffusionMetrics metrics) {
    this.node = node;
    this.hz = node.hazelcast();
    this.config = node.config().diffusion();
    this.settings = settingsOf(config);
    this.keeper = keeper;
    this.metrics = metrics;
    this.tasks = hz.getMap(SwarmMap.DIFFUSION_TASKS.mapName());
    this.shares = hz.getMap(SwarmMap.DIFFUSION_SHARES.mapName());
    this.visits = hz.getMap(SwarmMap.DIFFUSION_VISITS.mapName());
  }

  /** The settings a member running diffusion publishes to injectors. */
  private static DiffusionSettings settingsOf(DiffusionConfig config) {
    return new DiffusionSettings(
        config.chunkBytes(),
        config.contentCopies(),
        config.redundancy(),
        2 * config.redundancy() + 1,
        config.energyDecay(),
        config.stopThreshold(),
        config.maxEnergy(),
        config.maxTasks(),
        config.maxTaskAgeSeconds(),
        config.finishedTaskTtlSeconds(),
        config.contentMaxBytesPerMember());
  }

  SwarmNode node() {
    return node;
  }

  String nodeId() {
    return node.nodeId();
  }

  HazelcastInstance hz() {
    return hz;
  }

  /** Read each time: a member that merges back after a partition has a new UUID. */
  String memberUuid() {
    return hz.getCluster().getLocalMember().getUuid().toString();
  }

  DiffusionConfig config() {
    return config;
  }

  /** The settings this member publishes. */
  public DiffusionSettings settings() {
    return settings;
  }

  TopologyKeeper keeper() {
    return keeper;
  }

  DiffusionMetrics metrics() {
    return metrics;
  }

  IMap<String, DiffusionTask> tasks() {
    return tasks;
  }

  IMap<String, ShareState> shares() {
    return shares;
  }

  IMap<String, Visit> visits() {
    return visits;
  }

  /** Whether the engine runs and the member is up: background work stops when not. */
  boolean running() {
    return running && hz.getLifecycleService().isRunning();
  }

  /** Marks the engine stopped: loops end, failures are no longer reported. */
  public void stop() {
    running = false;
  }

  /** Puts {@code hop} in the inbox of the member hosting {@code hostNodeId}. */
  boolean send(String hostNodeId, Hop hop) {
    return hz.<Hop>getQueue(Hop.inbox(hostNodeId)).offer(hop);
  }

  /**
   * {@code work} wrapped so that it does nothing once the engine stopped, and a failure while it
   * runs is reported as {@code diffusion.<what>}.
   */
  public Runnable guard(String what, Runnable work) {
    return () -> {
      if (!running) {
        return;
      }
      try {
        work.run();
      } catch (RuntimeException e) {
        if (running()) {
          BackgroundFailures.report("diffusion." + what, e);
        }
      }
    };
  }
}
