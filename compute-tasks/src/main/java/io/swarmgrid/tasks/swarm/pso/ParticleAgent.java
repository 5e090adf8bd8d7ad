package io.swarmgrid.tasks.swarm.pso;

import io.swarmgrid.tasks.swarm.AgentContext;
import io.swarmgrid.tasks.swarm.SwarmAgent;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A particle of a particle swarm (its data is a {@link ParticleState}). A step applies the score
 * its member computed for the particle's position after the previous tick, moves towards its own
 * best and the swarm's best its member read for this tick, and hands the new position to the member
 * to evaluate: no evaluation runs on the partition thread, and a model objective is evaluated next
 * to its data. A particle whose score is not on its member (it migrated, or the evaluation failed)
 * hands its position over again and does not move. Its random stream is its seed and step count, so
 * a particle's moves do not depend on the member that steps it.
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
    Particle p = s.particle();
    if (!s.awaiting()) {
      view.report().await(p.position());
      context.data(s.awaitingScore().json());
      return 1;
    }
    Double y = view.scores().get(PositionsOfTick.key(p.position()));
    if (y == null) {
      view.report().await(p.position());
      return 1;
    }
    Particle scored = p.scored(y);
    view.report().report(scored.stalled() >= view.stallSteps());
    context.remember(String.format(Locale.ROOT, "%.6g", scored.bestValue()));
    SplittableRandom rng = new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L + s.steps());
    Particle next = scored.moved(view.globalBest(), view.objective(), view.params(), rng);
    view.report().await(next.position());
    context.data(s.next(next).json());
    return 1;
  }

  @Override
  public String roleName() {
    return TYPE;
  }
}
