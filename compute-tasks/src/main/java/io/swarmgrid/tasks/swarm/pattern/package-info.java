/**
 * Emergent-pattern detection over a swarm's population in time: convergence, stagnation,
 * oscillation and clusters of agent states (Tribuo k-means), each an event with its evidence.
 */
package io.swarmgrid.tasks.swarm.pattern;
