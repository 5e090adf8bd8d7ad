/** What self-monitoring stores: alerts the swarm agreed on, and the watched meters' readings. */
package io.swarmgrid.storage.monitoring;
