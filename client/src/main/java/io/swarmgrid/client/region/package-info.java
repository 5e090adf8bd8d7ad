/** Replication across regions, seen from a client. */
package io.swarmgrid.client.region;
