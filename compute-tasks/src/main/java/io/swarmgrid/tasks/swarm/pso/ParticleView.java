package io.swarmgrid.tasks.swarm.pso;

import java.util.Map;

/**
 * What the particles of one swarm on one member read in one tick, prepared by the member before the
 * tick (so a step touches nothing outside its partition), and where they report.
 *
 * @param swarmId the swarm
 * @param tick the tick it was prepared for
 * @param objective the function minimised (its bounds are the search box)
 * @param params the coefficients
 * @param globalBest the swarm's best position at the start of the tick (empty before the first)
 * @param stallSteps a particle whose best has not improved for this many steps counts as stalled
 * @param scores the values of the positions this member evaluated after the previous tick, by
 *     {@link PositionsOfTick#key}
 * @param report where the particles report
 */
public record ParticleView(
    String swarmId,
    long tick,
    Objective objective,
    PsoParams params,
    double[] globalBest,
    int stallSteps,
    Map<String, Double> scores,
    PositionsOfTick report) {}
