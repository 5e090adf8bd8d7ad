/**
 * Distributed learning's grid data: training shards next to the members that train on them ({@code
 * swarm.learning.data}), signed model updates ({@code swarm.learning.updates}), jobs and their
 * round reports ({@code swarm.learning.jobs}, {@code swarm.learning.rounds}) and model versions
 * ({@code swarm.models}). Every value is Compact.
 */
package io.swarmgrid.storage.learning;
