package io.swarmgrid.tasks.swarm;

/**
 * A swarm agent, in the spirit of Agrona's {@code Agent}. Its state lives in {@code swarm.agents}
 * on the partition of its data key; the member that owns that partition steps it once per tick, in
 * one entry processor, on the partition's thread. An instance is made for each call from its type's
 * factory, so keep state in the context (memory, links, data), not in fields.
 *
 * <p>A step must not block nor call other partitions (it runs on a partition thread): read what the
 * member prepared with {@link AgentContext#local} and leave effects there for the member to apply.
 */
public interface SwarmAgent {
  /** Called in the agent's first step, before {@link #step}. */
  default void start(AgentContext context) {}

  /**
   * One step; returns the work done (0 when there was nothing to do).
   *
   * @throws RuntimeException to fail the agent: it is kept, marked FAILED with the message
   */
  int step(AgentContext context);

  /** Called when the agent is removed. */
  default void close(AgentContext context) {}

  /** The agent's role, for logs and stats. */
  String roleName();
}
