/**
 * Distributed learning for clients: load data as shards, start jobs, watch rounds, fetch models.
 */
package io.swarmgrid.client.learning;
