package io.swarmgrid.plugin.diffusion;

/**
 * Counters of one member's diffusion engine since it started.
 *
 * @param hopsReceived tasks passed to this member's nodes
 * @param hopsSent tasks passed on by this member's nodes
 * @param chunksProcessed chunks this member's nodes processed (every copy)
 * @param minorityCopies copies this member found outvoted
 * @param evidenceFiled pieces of evidence this member filed against outvoted nodes
 * @param tasksFinished tasks whose result this member merged
 * @param reinjections stalled tasks this member injected again
 * @param contentCollected content entries this member's collections removed
 */
public record DiffusionStats(
    long hopsReceived,
    long hopsSent,
    long chunksProcessed,
    long minorityCopies,
    long evidenceFiled,
    long tasksFinished,
    long reinjections,
    long contentCollected) {}
