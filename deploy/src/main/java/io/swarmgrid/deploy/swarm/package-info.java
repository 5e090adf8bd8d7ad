/** The {@code swarm} commands: {@code swarm tsp FILE} runs an ant colony on a cluster. */
package io.swarmgrid.deploy.swarm;
