/** What self-monitoring stores: alerts the swarm agreed on. */
package io.swarmgrid.storage.monitoring;
