package io.swarmgrid.storage.swarm;

/**
 * One key of a trail as stored: the intensity after the last deposit and when that was.
 *
 * @param intensity the intensity right after the last deposit
 * @param at when it was deposited, on the callers' clock
 */
public record TrailEntry(double intensity, long at) {}
