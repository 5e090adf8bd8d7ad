package io.swarmgrid.plugin.swarm.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.plugin.consensus.ConsensusEngine;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.swarm.ParticleSwarmRecord;
import io.swarmgrid.tasks.balance.TaskContext;
import io.swarmgrid.tasks.balance.TaskHandler;
import io.swarmgrid.tasks.swarm.pso.HyperParameters;
import io.swarmgrid.tasks.swarm.pso.ModelObjective;
import io.swarmgrid.tasks.swarm.pso.Objective;
import io.swarmgrid.tasks.swarm.pso.Objectives;
import io.swarmgrid.tasks.swarm.pso.PlanStep;
import io.swarmgrid.tasks.swarm.pso.ShardedModelObjective;
import java.util.Locale;

/**
 * Carries out a step of an adoption's plan on a member: re-trains the model with the adopted
 * hyper-parameters (or evaluates the adopted point again) and checks that it scores what the swarm
 * recorded. The result is reported to the consensus engine as the decision's outcome, so the
 * learned model that assessed the adoption's risk learns from how adoptions turned out.
 */
final class AdoptionPlanHandler implements TaskHandler {
  private final HazelcastInstance hz;
  private final IMap<String, ParticleSwarmRecord> swarms;
  private final Objectives objectives;

  AdoptionPlanHandler(HazelcastInstance hz, Objectives objectives) {
    this.hz = hz;
    this.swarms = hz.getMap(SwarmMap.PARTICLE_SWARMS.mapName());
    this.objectives = objectives;
  }

  @Override
  public String run(TaskContext context) {
    PlanTaskInput in = PlanTaskInput.parse(context.task().input());
    ParticleSwarmRecord r = swarms.get(in.swarmId());
    if (r == null || !r.adopted()) {
      throw new IllegalStateException("swarm " + in.swarmId() + " is gone or not adopted");
    }
    Objective objective =
        objectives
            .find(r.objective())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "objective: '" + r.objective() + "' is not registered on this member"));
    double[] x = r.bestPosition();
    double value = objective.value(x);
    boolean matches = Math.abs(value - r.bestValue()) <= 1e-9;
    SwarmServices.find(hz, ConsensusEngine.class)
        .ifPresent(c -> c.reportOutcome(in.proposalId(), matches));
    String detail =
        PlanStep.RETRAIN.equals(in.action())
                && (objective instanceof ModelObjective
                    || objective instanceof ShardedModelObjective)
            ? String.format(
                Locale.ROOT, " accuracy=%.4f hyper=%s", 1 - value, HyperParameters.at(x))
            : "";
    return String.format(
        Locale.ROOT,
        "action=%s swarm=%s value=%.6g matches=%s%s",
        in.action(),
        in.swarmId(),
        value,
        matches,
        detail);
  }
}
