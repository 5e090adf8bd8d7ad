package io.swarmgrid.tasks.swarm.aco;

import io.swarmgrid.tasks.swarm.AgentContext;
import io.swarmgrid.tasks.swarm.SwarmAgent;
import io.swarmgrid.tasks.swarm.tsp.AntWalk;
import io.swarmgrid.tasks.swarm.tsp.TwoOpt;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An ant of a colony (its data is the colony id): each step builds a tour from the trail its member
 * read for this tick, improves it by 2-opt, leaves it for the member to deposit, and remembers its
 * length (the population's lengths are what pattern detection reads).
 */
public final class AntAgent implements SwarmAgent {
  /** The agent type name. */
  public static final String TYPE = "aco-ant";

  @Override
  public int step(AgentContext context) {
    ColonyView view =
        context.local(ColonyTrails.viewName(context.data()), ColonyView.class).orElse(null);
    if (view == null || view.tick() != context.tick()) {
      return 0;
    }
    int[] tour = AntWalk.build(view.space(), view.choice(), ThreadLocalRandom.current());
    long length = TwoOpt.improve(view.space(), tour);
    view.best().offer(tour, length);
    context.remember(Long.toString(length));
    return 1;
  }

  @Override
  public String roleName() {
    return TYPE;
  }
}
