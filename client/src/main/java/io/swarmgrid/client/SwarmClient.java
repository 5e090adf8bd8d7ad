package io.swarmgrid.client;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.pipeline.Pipeline;
import io.swarmgrid.client.consensus.ConsensusClient;
import io.swarmgrid.client.fault.FaultClient;
import io.swarmgrid.client.internal.HazelcastSwarmClient;
import io.swarmgrid.client.region.RegionsClient;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Mailbox;
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

  /** Proposals, signed votes, decisions, outcomes and the learned model. */
  ConsensusClient consensus();

  /**
   * Registers a node that lives in this client process, with its own key, so that it can vote and
   * take work. It is marked gone when this client closes.
   *
   * @throws IllegalArgumentException naming the field if the id or region is not a valid name, or
   *     the id belongs to another active node
   */
  ClientNode joinAsNode(
      String nodeId, NodeKeys keys, String region, NodeTier tier, List<String> capabilities);

  /**
   * Joins the swarm as node {@code nodeId} for messaging and returns its messenger: send,
   * broadcast, request (a {@code CompletableFuture} with a timeout, optionally retried), subscribe
   * with a handler, stats. The node is registered as a client-side node of {@code region} and
   * {@code tier} unless it is registered already; its inbox lives in the grid, so messages sent
   * while no messenger runs wait for it. Close the messenger to stop receiving.
   */
  Mailbox messenger(String nodeId, String region, NodeTier tier, MessagingConfig config);

  /**
   * {@link #messenger(String, String, NodeTier, MessagingConfig)} with the default messaging
   * config.
   */
  default Mailbox messenger(String nodeId, String region, NodeTier tier) {
    return messenger(nodeId, region, tier, MessagingConfig.DEFAULTS);
  }

  /** Replication across regions: the status of each replicated map's link to each other region. */
  RegionsClient regions();

  /**
   * Energy-based diffusion: inject tasks, follow their progress, fetch results, read the topology,
   * put and get content.
   */
  io.swarmgrid.client.diffusion.DiffusionClient diffusion();

  /**
   * The ready workloads (word count, log analysis, search) run as Jet jobs over files the members
   * can read, with their results fetched as values; search batch runs written as TREC run files.
   */
  io.swarmgrid.client.workload.WorkloadClient workloads();

  /** The underlying Hazelcast client, for anything SwarmGrid does not wrap. */
  HazelcastInstance hazelcast();

  /** Disconnects. */
  @Override
  void close();

  /**
   * Tasks: submit, status, cancel, await, worker nodes and stats (needs the balancing engine on
   * members).
   */
  io.swarmgrid.client.balance.BalanceClient balance();

  /**
   * Swarm agents (add, remove, pause, list) and pheromone trails (needs the swarm engine on
   * members).
   */
  io.swarmgrid.client.swarm.SwarmAgentsClient swarm();

  /**
   * Distributed learning: load data as shards, start training jobs with a robust aggregation rule,
   * watch rounds, fetch and roll back models (needs the learning engine on members).
   */
  io.swarmgrid.client.learning.LearningClient learning();

  /**
   * State streams by interest, priority, quality and bandwidth budget: publish, declare interest
   * and budgets, apply deliveries, stats (needs the propagation engine on members).
   */
  io.swarmgrid.client.propagation.PropagationClient propagation();
}
