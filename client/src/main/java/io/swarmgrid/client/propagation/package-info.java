/**
 * Interest-based state propagation seen from a client ({@code SwarmClient.propagation()}): publish
 * state streams, declare interest and budgets, apply deliveries, read stats.
 */
package io.swarmgrid.client.propagation;
