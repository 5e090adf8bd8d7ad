/**
 * Task submission, status, cancel and worker nodes, seen from a client ({@code
 * SwarmClient.tasks()}).
 */
package io.swarmgrid.client.balance;
