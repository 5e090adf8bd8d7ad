package io.swarmgrid.client.internal;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.pipeline.Pipeline;
import io.swarmgrid.client.ClusterStatus;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.client.fault.FaultClient;
import io.swarmgrid.client.region.RegionsClient;
import io.swarmgrid.storage.SwarmSerialization;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.tasks.cluster.ClusterSnapshotTask;
import io.swarmgrid.tasks.cluster.MemberSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private final RegionsClient regions;

  private HazelcastSwarmClient(HazelcastInstance client) {
    this.client = client;
    this.registry = new NodeRegistry(client);
    this.fault = new HazelcastFaultClient(client);
    this.regions = new HazelcastRegionsClient(client);
  }

  /** Connects as {@link SwarmClient#connect} says. */
  public static SwarmClient connect(SwarmClientConfig config) {
    ClientConfig cc = new ClientConfig();
    cc.setClusterName(config.clusterName());
    cc.setProperty("hazelcast.phone.home.enabled", "false");
    cc.getNetworkConfig().setAddresses(config.addresses());
    cc.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(config.connectTimeoutMillis());
    SwarmSerialization.register(cc.getSerializationConfig());
    try {
      return new HazelcastSwarmClient(HazelcastClient.newHazelcastClient(cc));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "cannot reach cluster '" + config.clusterName() + "' at " + config.addresses() + " within "
              + config.connectTimeoutMillis() + " ms: " + e.getMessage(), e);
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
      snapshot = client.getExecutorService(EXECUTOR).submit(new ClusterSnapshotTask()).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the cluster for its status", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the cluster did not report its status: " + e.getMessage(), e);
    }
    List<NodeInfo> nodes = registry.all();
    Map<String, List<String>> engines = new LinkedHashMap<>();
    nodes.stream().filter(NodeInfo::active).forEach(n -> engines.put(n.nodeId(), n.engines()));
    return new ClusterStatus(
        snapshot.members(), snapshot.cpMembers(), snapshot.cpError(), snapshot.clusterState(), nodes, engines);
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
  public RegionsClient regions() {
    return regions;
  }

  @Override
  public HazelcastInstance hazelcast() {
    return client;
  }

  @Override
  public void close() {
    client.shutdown();
  }
}
