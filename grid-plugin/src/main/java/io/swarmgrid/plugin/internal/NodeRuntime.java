package io.swarmgrid.plugin.internal;

import com.hazelcast.cluster.Address;
import com.hazelcast.cluster.ClusterState;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.config.SwarmGridVersion;
import io.swarmgrid.plugin.engine.EngineCoordinator;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.plugin.hazelcast.PartitionQueueOffer;
import io.swarmgrid.plugin.hazelcast.SchemaPublisher;
import io.swarmgrid.plugin.http.SwarmHttpServer;
import io.swarmgrid.storage.SwarmMaps;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.AsyncQueueOffer;
import io.swarmgrid.storage.messaging.Mailboxes;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SwarmGrid side of one member from start to shutdown: identity, registration, heartbeat,
 * engines, and marking lost members' nodes gone.
 */
public final class NodeRuntime {
  private static final Logger LOG = LoggerFactory.getLogger("io.swarmgrid");

  private final HazelcastInstance hz;
  private final SwarmGridConfig config;
  private final String configSource;
  private final EngineCoordinator engines = new EngineCoordinator();
  // Prometheus: /metrics scrapes it when swarmgrid.http is on; cheap to keep when it is off.
  private final PrometheusMeterRegistry meters =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ScheduledExecutorService scheduler;
  private volatile SwarmNode node;
  private volatile NodeRegistry registry;
  private volatile boolean started;
  private volatile SwarmHttpServer http;
  private volatile List<String> engineKeys = List.of();

  /** Prepares the runtime; nothing touches the grid until {@link #start()}. */
  public NodeRuntime(HazelcastInstance hz, SwarmGridConfig config, String configSource) {
    this.hz = hz;
    this.config = config;
    this.configSource = configSource;
    this.scheduler = SwarmThreads.scheduler("swarmgrid-node-" + hz.getName());
    SwarmServices services = SwarmServices.of(hz);
    services.put(NodeRuntime.class, this);
    services.put(SwarmGridConfig.class, config);
    services.put(io.micrometer.core.instrument.MeterRegistry.class, meters);
    PartitionQueueOffer.of(hz).ifPresent(o -> services.put(AsyncQueueOffer.class, o));
  }

  /** Called once the member has started: maps, identity, registration, engines, heartbeat. */
  public void start() {
    try {
      SwarmMaps.addTo(hz.getConfig(), config.storage());
      Mailboxes.addTo(hz.getConfig(), config.storage(), config.messaging());
      Member local = hz.getCluster().getLocalMember();
      String nodeId = nodeId(config.node(), local.getAddress());
      NodeKeys keys = NodeKeys.loadOrCreate(config.node().keyFileFor(nodeId));
      node = new SwarmNode(hz, config, nodeId, keys, meters);
      registry = new NodeRegistry(hz);

      Set<EngineKind> wanted = config.engines().enabled();
      Set<EngineKind> willRun = EnumSet.noneOf(EngineKind.class);
      willRun.addAll(wanted);
      willRun.retainAll(engines.available());
      engineKeys = willRun.stream().map(EngineKind::key).toList();
      register();
      if (config.http().enabled()) {
        // Before the engines: /health/live answers while they start, /health/ready after.
        http = new SwarmHttpServer(hz, config, meters, () -> started);
        SwarmServices.of(hz).put(SwarmHttpServer.class, http);
      }
      engines.start(wanted, node);
      started = true;
      int period = config.node().heartbeatSeconds();
      scheduler.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.SECONDS);
      SchemaPublisher schemas = SchemaPublisher.of(hz);
      if (schemas != null) {
        scheduler.scheduleWithFixedDelay(
            () -> publishSchemas(schemas), 0, 200, TimeUnit.MILLISECONDS);
      }
      LOG.info(
          "SwarmGrid {} started: node {}, region {}, tier {}, engines {}{} (config: {})",
          SwarmGridVersion.get(),
          nodeId,
          config.node().region(),
          config.node().tier().yamlName(),
          engines.running().isEmpty() ? "[none]" : names(engines.running()),
          engines.unavailable().isEmpty()
              ? ""
              : ", not in this build: " + names(engines.unavailable()),
          configSource);
    } catch (RuntimeException e) {
      LOG.error(
          "SwarmGrid failed to start on member {}; shutting the member down", hz.getName(), e);
      scheduler.shutdownNow();
      stopHttp();
      SwarmThreads.start("swarmgrid-abort-" + hz.getName(), hz::shutdown);
    }
  }

  /** Called when the member starts shutting down: stop the engines, mark the node gone. */
  public void leave() {
    scheduler.shutdownNow();
    started = false;
    stopHttp();
    SwarmNode n = node;
    if (n == null) {
      return;
    }
    engines.stop();
    if (hz.getCluster().getClusterState() != ClusterState.ACTIVE) {
      // The whole cluster is stopping (or frozen): the registry is read-only and goes with it.
      LOG.info("SwarmGrid node {} stopped with its cluster", n.nodeId());
      return;
    }
    try {
      registry.markGone(
          n.nodeId(), System.currentTimeMillis(), config.storage().goneNodeTtlSeconds());
      LOG.info("SwarmGrid node {} left the swarm", n.nodeId());
    } catch (RuntimeException e) {
      // The cluster may already be unreachable; the surviving members mark the node gone instead.
      LOG.warn("could not mark node {} gone: {}", n.nodeId(), e.toString());
    }
  }

  /**
   * Called on every member when another member is lost; the oldest surviving member marks the lost
   * member's active nodes gone (off the event thread).
   */
  public void onMemberLost(String memberUuid) {
    if (node == null || scheduler.isShutdown()) {
      return;
    }
    scheduler.execute(
        () -> {
          try {
            Member oldest = hz.getCluster().getMembers().iterator().next();
            if (!oldest.localMember()) {
              return;
            }
            long now = System.currentTimeMillis();
            for (NodeInfo lost : registry.ofMember(memberUuid)) {
              // Conditional: the node may have come back on a new member meanwhile.
              if (lost.active()
                  && registry.markGoneIf(lost, now, config.storage().goneNodeTtlSeconds())) {
                LOG.info(
                    "SwarmGrid node {} marked gone: its member {} left the cluster",
                    lost.nodeId(),
                    memberUuid);
              }
            }
          } catch (RuntimeException e) {
            LOG.warn(
                "could not mark the nodes of lost member {} gone: {}", memberUuid, e.toString());
          }
        });
  }

  /** This member's node, or {@code null} before start. */
  public SwarmNode node() {
    return node;
  }

  /** This member's engines. */
  public EngineCoordinator engines() {
    return engines;
  }

  private void stopHttp() {
    SwarmHttpServer h = http;
    if (h != null) {
      SwarmServices.of(hz).remove(SwarmHttpServer.class, h);
      h.close();
      http = null;
    }
  }

  private void publishSchemas(SchemaPublisher schemas) {
    BackgroundFailures.run("node.publish-schemas", schemas::publishNew);
  }

  /**
   * Called when this member has merged back after a network partition. Hazelcast gives a merging
   * member a new UUID, and the larger side marked this node gone when the old one left: register
   * the node again under the member it runs on now.
   */
  public void onMerged() {
    if (!started || scheduler.isShutdown()) {
      return;
    }
    scheduler.execute(() -> BackgroundFailures.run("node.register-after-merge", this::reRegister));
  }

  private void heartbeat() {
    BackgroundFailures.run(
        "node.heartbeat",
        () -> {
          String self = hz.getCluster().getLocalMember().getUuid().toString();
          if (!registry.heartbeat(node.nodeId(), self, System.currentTimeMillis()) && started) {
            // Marked gone, expired, or registered on this member's UUID before a split-brain
            // merge gave it a new one: the node is here, so it says so.
            reRegister();
          }
        });
  }

  private void reRegister() {
    NodeInfo before = registry.get(node.nodeId()).orElse(null);
    register();
    LOG.info(
        "SwarmGrid node {} registered again on member {} (the registry had it {})",
        node.nodeId(),
        hz.getCluster().getLocalMember().getUuid(),
        before == null
            ? "absent"
            : before.status().name().toLowerCase(java.util.Locale.ROOT)
                + " on member "
                + before.memberUuid());
  }

  /** Registers this member's node, active, on the member UUID it has now. */
  private void register() {
    Member local = hz.getCluster().getLocalMember();
    long now = System.currentTimeMillis();
    registry.register(
        new NodeInfo(
            node.nodeId(),
            config.node().region(),
            config.node().tier(),
            config.node().capabilities(),
            config.node().capacity().resolved(),
            node.keys().publicKey(),
            NodeStatus.ACTIVE,
            local.getUuid().toString(),
            local.getAddress().getHost() + ":" + local.getAddress().getPort(),
            engineKeys,
            SwarmGridVersion.get(),
            now,
            now));
  }

  /** The configured id, or one derived from the member's address that survives restarts. */
  static String nodeId(NodeConfig config, Address address) {
    if (!config.id().isEmpty()) {
      return config.id();
    }
    return "member-" + address.getHost().replace(':', '_') + "-" + address.getPort();
  }

  private static List<String> names(Set<EngineKind> kinds) {
    return kinds.stream().map(EngineKind::key).toList();
  }
}
