/**
 * Distributed learning next to the data: each member trains the training shards it owns, signs an
 * update per shard as a virtual participant, and the member that owns a job's entry aggregates the
 * round with a robust rule, files outliers as evidence and promotes the new model by consensus. See
 * {@code docs/LEARNING.md}.
 */
package io.swarmgrid.plugin.learning;
