package io.swarmgrid.tasks.swarm;

/**
 * A user agent type found through {@link java.util.ServiceLoader} (list the class in {@code
 * META-INF/services/io.swarmgrid.tasks.swarm.SwarmAgentType}). The swarm engine registers every one
 * before it starts stepping, so a member that joins never steps an agent of a type it has not
 * registered yet (which would mark the agent FAILED). Types registered later with {@code
 * SwarmAgentEngine.registerType} have that window.
 */
public interface SwarmAgentType {
  /** The type name agents are added with. */
  String name();

  /** A new instance, made for each step. */
  SwarmAgent create();
}
