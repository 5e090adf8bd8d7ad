package io.swarmgrid.client;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.pipeline.Pipeline;
import io.swarmgrid.client.fault.FaultClient;
import io.swarmgrid.client.region.RegionsClient;
import io.swarmgrid.client.internal.HazelcastSwarmClient;
import io.swarmgrid.storage.node.NodeInfo;
import java.util.List;
import java.util.Optional;

/**
 * The thin client of a SwarmGrid cluster, over the standard Hazelcast Java client. Thread-safe;
 * close it when done.
 */
public interface SwarmClient extends AutoCloseable {

  /**
   * Connects to a cluster.
   *
   * @throws IllegalStateException if the cluster cannot be reached within the config's timeout
   */
  static SwarmClient connect(SwarmClientConfig config) {
    return HazelcastSwarmClient.connect(config);
  }

  /** Every registered node, active or gone, by id. */
  List<NodeInfo> nodes();

  /** The active nodes, by id. */
  List<NodeInfo> activeNodes();

  /** One node, if registered. */
  Optional<NodeInfo> node(String nodeId);

  /** Members, CP members, nodes and their engines. */
  ClusterStatus status();

  /**
   * Submits a Jet job. Pipelines from {@code io.swarmgrid.tasks.pipeline} need nothing else, since
   * their classes are in the plugin jar on every member; a pipeline of your own classes needs them
   * added to {@code jobConfig} ({@code addClass}/{@code addJar}) and resource upload enabled on the
   * members.
   */
  Job submit(Pipeline pipeline, JobConfig jobConfig);

  /** Reputations, evidence, quarantine, circuit breakers and checkpoints. */
  FaultClient fault();

  /** Replication across regions: the status of each replicated map's link to each other region. */
  RegionsClient regions();

  /** The underlying Hazelcast client, for anything SwarmGrid does not wrap. */
  HazelcastInstance hazelcast();

  /** Disconnects. */
  @Override
  void close();
}
