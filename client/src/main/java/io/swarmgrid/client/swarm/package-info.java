/** Swarm agents and pheromone trails seen from a client ({@code SwarmClient.swarm()}). */
package io.swarmgrid.client.swarm;
