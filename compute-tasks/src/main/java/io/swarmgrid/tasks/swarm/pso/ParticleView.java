package io.swarmgrid.tasks.swarm.pso;

/**
 * What the particles of one swarm on one member read in one tick, prepared by the member before the
 * tick (so a step touches nothing outside its partition), and where they report.
 *
 * @param swarmId the swarm
 * @param tick the tick it was prepared for
 * @param objective the function minimised
 * @param params the coefficients
 * @param globalBest the swarm's best position at the start of the tick (empty before the first)
 * @param stallSteps a particle whose best has not improved for this many steps counts as stalled
 * @param report where the particles report
 */
public record ParticleView(
    String swarmId,
    long tick,
    Objective objective,
    PsoParams params,
    double[] globalBest,
    int stallSteps,
    PositionsOfTick report) {}
