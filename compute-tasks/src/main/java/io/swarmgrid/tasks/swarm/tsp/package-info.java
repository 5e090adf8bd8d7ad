/**
 * The travelling salesman as TSPLIB defines it: the reader of {@code .tsp} and {@code .tour} files,
 * TSPLIB's distance functions, and a MAX–MIN ant system with 2-opt local search.
 */
package io.swarmgrid.tasks.swarm.tsp;
