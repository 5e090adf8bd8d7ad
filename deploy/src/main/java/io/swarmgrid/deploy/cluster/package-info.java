/**
 * {@code ./swarmgrid cluster}: a local cluster of member processes (separate JVMs) on this machine,
 * with work injected into it, faults thrown at it and a checker that the work survived them.
 */
package io.swarmgrid.deploy.cluster;
