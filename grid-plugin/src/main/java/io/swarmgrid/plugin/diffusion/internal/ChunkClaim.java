package io.swarmgrid.plugin.diffusion.internal;

/**
 * A chunk this member claimed to process.
 *
 * @param chunk the chunk's index in its task
 * @param holder the local node (this member's node or one of its virtual nodes) that claimed it
 */
record ChunkClaim(int chunk, String holder) {}
