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

  /** Fault tolerance, cluster snapshots and workload input checks: member calls. */
  public static final int CLUSTER = 1203;

  /** Reserved for consensus (its processors and tasks are converted by that feature). */
  public static final int CONSENSUS = 1300;

  private FactoryIds() {}
}
