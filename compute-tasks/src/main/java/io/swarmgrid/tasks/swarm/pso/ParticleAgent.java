package io.swarmgrid.tasks.swarm.pso;

import io.swarmgrid.tasks.swarm.AgentContext;
import io.swarmgrid.tasks.swarm.SwarmAgent;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A particle of a particle swarm (its data is a {@link ParticleState}): each step moves it towards
 * its own best and the swarm's best its member read for this tick, evaluates the objective there,
 * and reports the result for the member to offer to the swarm. Its random stream is its seed and
 * step count, so a particle's moves do not depend on the member that steps it.
 */
public final class ParticleAgent implements SwarmAgent {
  /** The agent type name. */
  public static final String TYPE = "pso-particle";

  @Override
  public int step(AgentContext context) {
    ParticleState s = ParticleState.parse(context.data());
    ParticleView view =
        context.local(ParticleSwarms.viewName(s.swarmId()), ParticleView.class).orElse(null);
    if (view == null || view.tick() != context.tick()) {
      return 0;
    }
    SplittableRandom rng = new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L + s.steps());
    Particle p = s.particle();
    Particle next =
        p.evaluated()
            ? p.move(view.globalBest(), view.objective(), view.params(), rng)
            : p.evaluate(view.objective());
    context.data(s.next(next).json());
    view.report()
        .report(next.bestPosition(), next.bestValue(), next.stalled() >= view.stallSteps());
    context.remember(String.format(Locale.ROOT, "%.6g", next.bestValue()));
    return 1;
  }

  @Override
  public String roleName() {
    return TYPE;
  }
}
