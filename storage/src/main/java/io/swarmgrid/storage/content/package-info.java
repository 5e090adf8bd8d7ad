/**
 * The content-addressed store {@code swarm.content}: bytes keyed by their SHA-256, verified on
 * every read, deduplicated, kept as several copies on different partitions, large inputs as chunks
 * plus a manifest, and bounded by age and energy.
 */
package io.swarmgrid.storage.content;
