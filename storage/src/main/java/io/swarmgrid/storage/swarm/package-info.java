/**
 * Swarm state in the grid: pheromone trails ({@code swarm.pheromones}) with evaporation computed on
 * read, and the records of swarm agents ({@code swarm.agents}).
 */
package io.swarmgrid.storage.swarm;
