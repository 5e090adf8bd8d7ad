package io.swarmgrid.client.internal;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.pipeline.Pipeline;
import io.swarmgrid.client.ClientNode;
import io.swarmgrid.client.ClusterStatus;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.client.balance.BalanceClient;
import io.swarmgrid.client.consensus.ConsensusClient;
import io.swarmgrid.client.fault.FaultClient;
import io.swarmgrid.client.region.RegionsClient;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.StorageConfig;
import io.swarmgrid.config.SwarmConfigException;
import io.swarmgrid.config.SwarmGridVersion;
import io.swarmgrid.storage.SwarmSerialization;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Mailbox;
import io.swarmgrid.storage.messaging.Messenger;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.tasks.cluster.ClusterSnapshotTask;
import io.swarmgrid.tasks.cluster.MemberSnapshot;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link SwarmClient} over a Hazelcast client. */
public final class HazelcastSwarmClient implements SwarmClient {
  /** Executor used for member-side snapshots. */
  static final String EXECUTOR = "swarm.client-exec";

  private final HazelcastInstance client;
  private final NodeRegistry registry;
  private final FaultClient fault;
  private final HazelcastConsensusClient consensus;
  private final Set<String> joined = ConcurrentHashMap.newKeySet();
  private final RegionsClient regions;
  private final io.swarmgrid.client.diffusion.DiffusionClient diffusion;
  private final BalanceClient tasks;
  private final io.swarmgrid.client.workload.WorkloadClient workloads;
  private final io.swarmgrid.client.swarm.SwarmAgentsClient swarm;
  private final io.swarmgrid.client.learning.LearningClient learning;
  private final io.swarmgrid.client.propagation.PropagationClient propagation;

  private HazelcastSwarmClient(HazelcastInstance client) {
    this.client = client;
    this.registry = new NodeRegistry(client);
    this.fault = new HazelcastFaultClient(client);
    this.consensus = new HazelcastConsensusClient(client);
    this.regions = new HazelcastRegionsClient(client);
    this.diffusion = new HazelcastDiffusionClient(client);
    this.tasks = new HazelcastBalanceClient(client, this);
    this.workloads = new HazelcastWorkloadClient(client);
    this.swarm = new HazelcastSwarmAgentsClient(client);
    this.learning = new HazelcastLearningClient(client);
    this.propagation = new HazelcastPropagationClient(client);
  }

  /** Connects as {@link SwarmClient#connect} says. */
  public static SwarmClient connect(SwarmClientConfig config) {
    ClientConfig cc = new ClientConfig();
    cc.setClusterName(config.clusterName());
    cc.setProperty("hazelcast.phone.home.enabled", "false");
    cc.getNetworkConfig().setAddresses(config.addresses());
    cc.getConnectionStrategyConfig()
        .getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(config.connectTimeoutMillis());
    SwarmSerialization.register(cc.getSerializationConfig());
    try {
      return new HazelcastSwarmClient(HazelcastClient.newHazelcastClient(cc));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "cannot reach cluster '"
              + config.clusterName()
              + "' at "
              + config.addresses()
              + " within "
              + config.connectTimeoutMillis()
              + " ms: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public List<NodeInfo> nodes() {
    return registry.all();
  }

  @Override
  public List<NodeInfo> activeNodes() {
    return registry.active();
  }

  @Override
  public Optional<NodeInfo> node(String nodeId) {
    return registry.get(nodeId);
  }

  @Override
  public ClusterStatus status() {
    MemberSnapshot snapshot;
    try {
      snapshot =
          client
              .getExecutorService(EXECUTOR)
              .submit(new ClusterSnapshotTask())
              .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the cluster for its status", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "the cluster did not report its status: " + e.getMessage(), e);
    }
    List<NodeInfo> nodes = registry.all();
    Map<String, List<String>> engines = new LinkedHashMap<>();
    nodes.stream().filter(NodeInfo::active).forEach(n -> engines.put(n.nodeId(), n.engines()));
    return new ClusterStatus(
        snapshot.members(),
        snapshot.cpMembers(),
        snapshot.cpError(),
        snapshot.clusterState(),
        nodes,
        engines);
  }

  @Override
  public Job submit(Pipeline pipeline, JobConfig jobConfig) {
    return client.getJet().newJob(pipeline, jobConfig);
  }

  @Override
  public FaultClient fault() {
    return fault;
  }

  @Override
  public Mailbox messenger(String nodeId, String region, NodeTier tier, MessagingConfig config) {
    java.util.Objects.requireNonNull(tier, "tier");
    if (registry.get(nodeId).isEmpty()) {
      // A node that only messages still gets its own key, like any node that joins from a client.
      joinAsNode(nodeId, NodeKeys.generate(), region, tier, List.of());
    }
    return new Messenger(client, nodeId, config);
  }

  @Override
  public RegionsClient regions() {
    return regions;
  }

  @Override
  public io.swarmgrid.client.workload.WorkloadClient workloads() {
    return workloads;
  }

  @Override
  public HazelcastInstance hazelcast() {
    return client;
  }

  @Override
  public void close() {
    try {
      long now = System.currentTimeMillis();
      for (String id : joined) {
        registry.markGone(id, now, StorageConfig.DEFAULTS.goneNodeTtlSeconds());
      }
      consensus.close();
    } catch (RuntimeException e) {
      // The cluster may be gone already; nothing more to tidy.
    }
    client.shutdown();
  }

  @Override
  public ConsensusClient consensus() {
    return consensus;
  }

  @Override
  public ClientNode joinAsNode(
      String nodeId, NodeKeys keys, String region, NodeTier tier, List<String> capabilities) {
    // The node config's builder checks names as a member's node would be checked.
    try {
      NodeConfig.Builder check = NodeConfig.custom().id(nodeId).region(region).tier(tier);
      capabilities.forEach(check::capability);
    } catch (SwarmConfigException e) {
      // The builder names swarmgrid.node.<key>; the caller knows the argument.
      String key = e.keyPath().substring(e.keyPath().lastIndexOf('.') + 1);
      String field = key.equals("id") ? "nodeId" : key;
      throw new IllegalArgumentException(
          field + ": '" + e.value() + "' is not allowed; allowed: " + e.allowed(), e);
    }
    if (nodeId == null || nodeId.isEmpty()) {
      throw new IllegalArgumentException("nodeId: must not be empty");
    }
    NodeInfo existing = registry.get(nodeId).orElse(null);
    if (existing != null
        && existing.active()
        && !Arrays.equals(existing.publicKey(), keys.publicKey())) {
      throw new IllegalArgumentException(
          "nodeId: '" + nodeId + "' is an active node with another key");
    }
    long now = System.currentTimeMillis();
    registry.register(
        new NodeInfo(
            nodeId,
            region,
            tier,
            capabilities,
            Capacity.DETECT.resolved(),
            keys.publicKey(),
            NodeStatus.ACTIVE,
            "",
            "client:" + client.getLocalEndpoint().getUuid(),
            List.of(),
            SwarmGridVersion.get(),
            now,
            now));
    joined.add(nodeId);
    return new ClientNode(nodeId, keys);
  }

  @Override
  public io.swarmgrid.client.diffusion.DiffusionClient diffusion() {
    return diffusion;
  }

  @Override
  public BalanceClient balance() {
    return tasks;
  }

  @Override
  public io.swarmgrid.client.swarm.SwarmAgentsClient swarm() {
    return swarm;
  }

  @Override
  public io.swarmgrid.client.learning.LearningClient learning() {
    return learning;
  }

  @Override
  public io.swarmgrid.client.propagation.PropagationClient propagation() {
    return propagation;
  }
}
