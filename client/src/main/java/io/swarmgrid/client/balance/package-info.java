/**
 * Task submission, status, cancel and worker nodes, seen from a client ({@code
 * SwarmClient.balance()}).
 */
package io.swarmgrid.client.balance;
