/**
 * The grid side of energy-based diffusion: the task, chunk and topology values kept in the {@code
 * swarm.diffusion.*} maps, the entry processors that claim chunks and vote on their results next to
 * the data, the chunker that cuts an input at record boundaries, and the injection used by clients
 * and members alike. {@code docs/DIFFUSION.md} explains the model.
 */
package io.swarmgrid.tasks.diffusion;
