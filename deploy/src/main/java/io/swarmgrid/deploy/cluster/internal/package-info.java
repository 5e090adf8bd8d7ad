/** The cluster tool's state file, member launcher, process signals, chaos and checker. */
package io.swarmgrid.deploy.cluster.internal;
