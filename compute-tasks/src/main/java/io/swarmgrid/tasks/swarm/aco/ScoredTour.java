package io.swarmgrid.tasks.swarm.aco;

/**
 * A tour and its length.
 *
 * @param tour 0-based city indices
 * @param length its TSPLIB length
 */
public record ScoredTour(int[] tour, long length) {}
