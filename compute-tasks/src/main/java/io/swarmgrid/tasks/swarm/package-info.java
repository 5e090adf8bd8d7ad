/**
 * Swarm agents that run next to their data: the {@link io.swarmgrid.tasks.swarm.SwarmAgent}
 * contract, what a step sees ({@link io.swarmgrid.tasks.swarm.AgentContext}), the member-local
 * {@link io.swarmgrid.tasks.swarm.AgentHost}, and {@link io.swarmgrid.tasks.swarm.SwarmAgents}, the
 * calls on {@code swarm.agents} shared by members and clients.
 */
package io.swarmgrid.tasks.swarm;
