/**
 * The swarm engine: steps the agents of the partitions each member owns once per tick, fenced so
 * that none is stepped twice per tick across migrations and member loss.
 */
package io.swarmgrid.plugin.swarm;
