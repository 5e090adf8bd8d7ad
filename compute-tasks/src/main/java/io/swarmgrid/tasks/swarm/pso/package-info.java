/**
 * Particle-swarm optimisation: the plain optimiser and random-search baseline on standard test
 * functions, and the swarm on the grid runtime, where particles are agents and the global best is
 * shared in {@code swarm.particle-swarms}.
 */
package io.swarmgrid.tasks.swarm.pso;
