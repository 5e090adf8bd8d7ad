package io.swarmgrid.tasks.swarm.aco;

import io.swarmgrid.tasks.swarm.tsp.TourSpace;

/**
 * What the ants of one colony on one member read in one tick, prepared by the member before the
 * tick (so a step touches nothing outside its partition), and where they leave their tours.
 *
 * @param colonyId the colony
 * @param tick the tick it was prepared for
 * @param space the instance's distances and candidate lists
 * @param choice τ^α·η^β from the trail as read at the start of the tick
 * @param best where the ants leave their tours
 */
public record ColonyView(
    String colonyId, long tick, TourSpace space, double[][] choice, BestOfTick best) {}
