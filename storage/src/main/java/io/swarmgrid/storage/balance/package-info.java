/** Tasks of the load balancer ({@code swarm.tasks}): the record, its key, and the typed store. */
package io.swarmgrid.storage.balance;
