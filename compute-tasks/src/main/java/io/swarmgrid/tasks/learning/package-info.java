/**
 * Distributed learning's shared entry points for clients, benchmarks and tests: the job spec,
 * splitting a data set into grid shards, and starting a job with its input checked.
 */
package io.swarmgrid.tasks.learning;
