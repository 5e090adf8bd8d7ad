/**
 * Task assignment and load balancing next to the data: the member-side {@link
 * io.swarmgrid.plugin.balance.LoadBalancer}, the {@link
 * io.swarmgrid.plugin.balance.BalanceStrategy} implementations, multi-criteria choice and the
 * resource allocator.
 */
package io.swarmgrid.plugin.balance;
