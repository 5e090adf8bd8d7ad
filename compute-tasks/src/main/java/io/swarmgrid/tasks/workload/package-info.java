/**
 * Workloads that split into shares and merge their results, so the same computation runs
 * single-threaded, as a Jet pipeline, or by diffusion, and gives the same result.
 */
package io.swarmgrid.tasks.workload;
