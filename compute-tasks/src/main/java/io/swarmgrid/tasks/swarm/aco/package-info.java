/**
 * Ant colony optimisation on the swarm runtime: ants are agents, the trail is a pheromone map, the
 * colony's best tour is shared in {@code swarm.colonies}.
 */
package io.swarmgrid.tasks.swarm.aco;
