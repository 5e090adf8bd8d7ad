package io.swarmgrid.storage;

/**
 * The factory ids of SwarmGrid's {@code IdentifiedDataSerializable} types, one factory per feature,
 * all in one place so that no two collide. Hazelcast's own factories use negative ids; SwarmGrid's
 * start at 1100. Members list the same factories in {@code swarmgrid-member.yaml}; clients get them
 * from {@link SwarmSerialization#register}.
 */
public final class FactoryIds {
  /** Entry processors of storage's stores (nodes, tasks, work, reputation, interests). */
  public static final int STORAGE = 1100;

  /** Balancing: task submission processors, scheduler calls, member stats. */
  public static final int BALANCE = 1200;

  /** Regions: stamp processors. */
  public static final int REGION = 1201;

  /** Diffusion: chunk claims and votes, task updates, member calls. */
  public static final int DIFFUSION = 1202;

  /** Fault tolerance: member calls of clients (evidence, release, checkpoints). */
  public static final int FAULT = 1203;

  /** Cluster snapshots and workload input checks: member calls of clients. */
  public static final int CLUSTER = 1204;

  /**
   * Jet pipelines' accumulators that cross members (word count's table: {@code tasks.pipeline}).
   */
  public static final int PIPELINE = 1205;

  /**
   * The replication Jet jobs' items that cross members (a journal change routed to its key's owner:
   * {@code plugin.region.RegionJobFactory}).
   */
  public static final int REGION_JOB = 1206;

  /** Swarm agents' and pheromone trails' storage processors ({@code storage.swarm.internal}). */
  public static final int SWARM_STORAGE = 1600;

  /** Swarm agents' step processors ({@code tasks.swarm.internal}). */
  public static final int SWARM_TASKS = 1601;

  /**
   * Consensus: tally processors, commit-log functions, proposal tasks and their results ({@code
   * tasks.consensus.ConsensusFactory}).
   */
  public static final int CONSENSUS = 1300;

  /**
   * Consensus calls between members that live in grid-plugin, which compute-tasks cannot see: the
   * CP healer's {@code LocalCpMember} ({@code plugin.consensus.ConsensusMemberFactory}).
   */
  public static final int CONSENSUS_MEMBER = 1301;

  /**
   * Distributed learning's member calls ({@code plugin.learning.LearningFactory}): local training
   * of a round attempt, promotion votes. Reserved: 1800-1809.
   */
  public static final int LEARNING = 1800;

  /** Propagation: member calls of publishers and subscribers ({@code storage.propagation}). */
  public static final int PROPAGATION = 1700;

  private FactoryIds() {}
}
