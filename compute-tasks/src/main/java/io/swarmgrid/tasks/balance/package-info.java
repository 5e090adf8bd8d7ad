/**
 * Tasks of the load balancer as they run next to the data: the handler interface, and the member
 * callables a client asks the owner of a task's data to run (submit, run, stats).
 */
package io.swarmgrid.tasks.balance;
