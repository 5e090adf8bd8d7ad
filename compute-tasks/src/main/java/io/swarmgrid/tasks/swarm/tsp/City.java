package io.swarmgrid.tasks.swarm.tsp;

/**
 * One node of a TSPLIB instance.
 *
 * @param id the node's number in the file (1-based)
 * @param x first coordinate (for GEO: latitude as DDD.MM)
 * @param y second coordinate (for GEO: longitude as DDD.MM)
 */
public record City(int id, double x, double y) {}
