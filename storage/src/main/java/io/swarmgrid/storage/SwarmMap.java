package io.swarmgrid.storage;

import com.hazelcast.spi.merge.LatestUpdateMergePolicy;
import com.hazelcast.spi.merge.PutIfAbsentMergePolicy;
import io.swarmgrid.storage.internal.CheckpointUnionMergePolicy;

/**
 * The catalogue of SwarmGrid's grid maps: one place to read each map's name, what it holds, whether
 * it replicates across regions (and so keeps an event journal), how it is bounded and how it merges
 * after a split brain. {@link SwarmMaps#mapConfigs} turns it into Hazelcast {@code MapConfig}s.
 */
public enum SwarmMap {
  /** Node id to {@code NodeInfo}: the node registry. Gone nodes expire after a TTL. */
  NODES("swarm.nodes", false, Bound.PER_ENTRY_TTL, LatestUpdateMergePolicy.class),
  /** Node id to reputation score and history summary. */
  REPUTATION("swarm.reputation", true, Bound.NONE_ONE_PER_NODE, LatestUpdateMergePolicy.class),
  /** Evidence id to signed evidence of misbehaviour; append-only. */
  EVIDENCE("swarm.evidence", true, Bound.ENTRY_LIMIT, PutIfAbsentMergePolicy.class),
  /** State id to the interest level of each node. */
  INTERESTS("swarm.interests", false, Bound.ENTRY_LIMIT, LatestUpdateMergePolicy.class),
  /**
   * (owner, version) to a snapshot and its hash; the rollback source. Merged as a union: a version
   * both sides of a split saved keeps the other side's snapshot in its conflicts.
   */
  CHECKPOINTS(
      "swarm.checkpoints", true, Bound.VERSIONS_PER_OWNER, CheckpointUnionMergePolicy.class),
  /** Proposal id to proposal; expires at its deadline (at most consensus.max-deadline-seconds). */
  PROPOSALS("swarm.proposals", false, Bound.PER_ENTRY_TTL, PutIfAbsentMergePolicy.class),
  /** Proposal id to the running tally of votes; expires with its proposal. */
  VOTES("swarm.votes", false, Bound.PER_ENTRY_TTL, PutIfAbsentMergePolicy.class),
  /** Proposal id to the committed decision; expires after consensus.decision-ttl-seconds. */
  DECISIONS("swarm.decisions", true, Bound.PER_ENTRY_TTL, PutIfAbsentMergePolicy.class),
  /** Proposal id to its reported outcome: the learned decision model's training examples. */
  OUTCOMES("swarm.outcomes", false, Bound.ENTRY_LIMIT, PutIfAbsentMergePolicy.class),
  /**
   * Task id to assignment, state, node and timings; at most balance.max-tasks (more are refused),
   * finished tasks expire after balance.finished-ttl-seconds.
   */
  TASKS("swarm.tasks", false, Bound.REFUSED_OVER_LIMIT, LatestUpdateMergePolicy.class),
  /** Agent id to agent state. */
  AGENTS("swarm.agents", false, Bound.ENTRY_LIMIT, LatestUpdateMergePolicy.class),
  /** Trail key to intensity and last update; trails evaporate. */
  PHEROMONES("swarm.pheromones", false, Bound.TTL, LatestUpdateMergePolicy.class),
  /** Colony id to an ant colony's problem, parameters and best tour so far (shared by members). */
  COLONIES("swarm.colonies", false, Bound.ENTRY_LIMIT, LatestUpdateMergePolicy.class),
  /**
   * Swarm id to a particle swarm's problem, evaluation budget, global best and adoption decision
   * (shared by members).
   */
  PARTICLE_SWARMS("swarm.particle-swarms", false, Bound.ENTRY_LIMIT, LatestUpdateMergePolicy.class),
  /** Pattern id to an emergent pattern detected in a swarm, with its evidence and response. */
  PATTERNS("swarm.patterns", false, Bound.ENTRY_LIMIT, LatestUpdateMergePolicy.class),
  /**
   * SHA-256 to bytes; content-addressed, verified on read. Diffusion's collection removes
   * unreferenced content over diffusion.content-max-*.
   */
  CONTENT("swarm.content", false, Bound.COLLECTED, PutIfAbsentMergePolicy.class),
  /** Model name and version to model bytes and metrics. */
  MODELS("swarm.models", true, Bound.ENTRY_LIMIT, LatestUpdateMergePolicy.class),
  /** (node, breaker name) to the circuit breaker's state, published on every transition. */
  BREAKERS("swarm.breakers", false, Bound.NONE_ONE_PER_NODE, LatestUpdateMergePolicy.class),
  /**
   * Work id to its owning node, state and epoch: what recovery re-assigns when an owner is lost.
   */
  WORK("swarm.work", false, Bound.REFUSED_OVER_LIMIT, LatestUpdateMergePolicy.class),
  /** Recovery event id to what recovery did after a node was lost. */
  RECOVERY("swarm.recovery", false, Bound.OLDEST_REMOVED, LatestUpdateMergePolicy.class),
  /**
   * (map, target region, member) to the status of that replication link; entries expire unless
   * refreshed.
   */
  REPLICATION("swarm.replication", false, Bound.PER_ENTRY_TTL, LatestUpdateMergePolicy.class),
  /**
   * Region name to its health seen from this region (reachable, round trip, load); one per
   * configured region.
   */
  REGIONS("swarm.regions", false, Bound.NONE_ONE_PER_NODE, LatestUpdateMergePolicy.class),
  /**
   * Diffusion task id to the task (workload, manifest, energy, progress, result); at most {@code
   * diffusion.max-tasks}.
   */
  DIFFUSION_TASKS(
      "swarm.diffusion.tasks", false, Bound.REFUSED_OVER_LIMIT, LatestUpdateMergePolicy.class),
  /** (task id, chunk) to the chunk's claims, results and agreed result; expires with its task. */
  DIFFUSION_SHARES(
      "swarm.diffusion.shares", false, Bound.PER_ENTRY_TTL, LatestUpdateMergePolicy.class),
  /**
   * (task id, node id) to the highest energy the task reached that node with; expires with its
   * task.
   */
  DIFFUSION_VISITS(
      "swarm.diffusion.visits", false, Bound.PER_ENTRY_TTL, LatestUpdateMergePolicy.class),
  /**
   * Diffusion node id (member or virtual) to its neighbours and their latencies; removed when its
   * member leaves.
   */
  DIFFUSION_TOPOLOGY(
      "swarm.diffusion.topology", false, Bound.NONE_ONE_PER_NODE, LatestUpdateMergePolicy.class),
  /**
   * Node id to the payload bytes its inbox holds (reserved by senders, released on delivery), the
   * byte bound of {@code messaging.max-queued-bytes-per-recipient}; reset when the inbox is seen
   * empty.
   */
  INBOX_BYTES("swarm.inbox.bytes", false, Bound.NONE_ONE_PER_NODE, LatestUpdateMergePolicy.class),
  /**
   * Anomaly key to the id of the proposal open for it, so that every member that sees the anomaly
   * votes on the same proposal; expires after {@code monitoring.vote-seconds}.
   */
  MONITORING_OPEN(
      "swarm.monitoring.open", false, Bound.PER_ENTRY_TTL, PutIfAbsentMergePolicy.class),
  /**
   * Proposal id to the {@code AnomalyAlert} the swarm agreed on; expires after {@code
   * monitoring.alert-ttl-seconds}.
   */
  ALERTS("swarm.alerts", false, Bound.PER_ENTRY_TTL, PutIfAbsentMergePolicy.class),
  /**
   * (node, meter name) to the member's latest {@code MetricReading} of a watched meter, read by
   * every member's self-monitoring; expires after ten scans, so a gone member's series stop.
   */
  MONITORING_METRICS(
      "swarm.monitoring.metrics", false, Bound.PER_ENTRY_TTL, LatestUpdateMergePolicy.class),
  /** (data set, shard) to a shard of training images; trained on by the member that owns it. */
  LEARNING_DATA("swarm.learning.data", false, Bound.ENTRY_LIMIT, LatestUpdateMergePolicy.class),
  /**
   * (job, round, attempt, participant) to a signed model update; removed once its round is
   * aggregated.
   */
  LEARNING_UPDATES(
      "swarm.learning.updates", false, Bound.ENTRY_LIMIT, PutIfAbsentMergePolicy.class),
  /** Job id to a training job and how far it got. */
  LEARNING_JOBS("swarm.learning.jobs", false, Bound.ENTRY_LIMIT, LatestUpdateMergePolicy.class),
  /** (job, round) to what the round did; the record outlier evidence is checked against. */
  LEARNING_ROUNDS("swarm.learning.rounds", false, Bound.ENTRY_LIMIT, PutIfAbsentMergePolicy.class),
  /**
   * State id to its stream's authority, latest keyframe and latest delta: where late joiners start
   * (propagation).
   */
  STREAMS("swarm.streams", false, Bound.ENTRY_LIMIT, LatestUpdateMergePolicy.class);

  /** How a map's memory is bounded. */
  public enum Bound {
    /**
     * Never evicted: writers refuse new entries once the map holds {@code
     * storage.max-entries-per-member} times the data members ({@code EntryLimit}); finished entries
     * leave by the TTL their writer sets. Size eviction is not used: Hazelcast applies it per
     * partition (size x members / partitions), so it dropped acknowledged entries of a busy key,
     * and more after a member died (issue 13).
     */
    ENTRY_LIMIT,
    /** Entries expire when untouched for {@code storage.pheromone-ttl-seconds}. */
    TTL,
    /** Each entry is put with its own TTL when it stops being live (gone nodes). */
    PER_ENTRY_TTL,
    /** One entry per known node; bounded by the size of the fleet. */
    NONE_ONE_PER_NODE,
    /** {@code storage.checkpoint-retained-versions} per owner, pruned on save. */
    VERSIONS_PER_OWNER,
    /**
     * At most the map's own configured count ({@code fault.max-work-items}, {@code
     * balance.max-tasks}, {@code diffusion.max-tasks}); creating more is refused (evicting would
     * lose acknowledged work).
     */
    REFUSED_OVER_LIMIT,
    /** At most {@code fault.max-recovery-events}; the writer removes the oldest. */
    OLDEST_REMOVED,
    /** Removed by the owning engine's collection when unreferenced and over its limits. */
    COLLECTED
  }

  private final String mapName;
  private final boolean replicated;
  private final Bound bound;
  private final Class<?> mergePolicy;

  SwarmMap(String mapName, boolean replicated, Bound bound, Class<?> mergePolicy) {
    this.mapName = mapName;
    this.replicated = replicated;
    this.bound = bound;
    this.mergePolicy = mergePolicy;
  }

  /** The Hazelcast map name. */
  public String mapName() {
    return mapName;
  }

  /** Whether the map replicates across regions by default; such maps keep an event journal. */
  public boolean replicated() {
    return replicated;
  }

  /** How the map is bounded. */
  public Bound bound() {
    return bound;
  }

  /** Class name of the split-brain merge policy. */
  public String mergePolicy() {
    return mergePolicy.getName();
  }
}
