package io.swarmgrid.tasks.swarm.pso;

import com.hazelcast.core.HazelcastInstance;

/**
 * A user objective found through {@link java.util.ServiceLoader} (list the class in {@code
 * META-INF/services/io.swarmgrid.tasks.swarm.pso.SwarmObjectiveType}): the swarm engine registers
 * the objective it creates on every member when it starts, so clients can start searches of it by
 * name ({@code SwarmClient.swarm().startSearch}). The member is given so an objective can evaluate
 * next to grid data (as {@link ShardedModelObjective} does).
 */
public interface SwarmObjectiveType {
  /** The objective for {@code member}; its {@link Objective#id} is the name searches use. */
  Objective create(HazelcastInstance member);
}
