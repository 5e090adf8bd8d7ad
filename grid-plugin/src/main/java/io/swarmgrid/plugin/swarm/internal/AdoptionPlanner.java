package io.swarmgrid.plugin.swarm.internal;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.ml.DecisionFeatures;
import io.swarmgrid.ml.DecisionOutcomeModel;
import io.swarmgrid.plugin.balance.LoadBalancer;
import io.swarmgrid.plugin.consensus.ConsensusEngine;
import io.swarmgrid.storage.balance.TaskRequest;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.model.ModelRecord;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.swarm.ParticleSwarmRecord;
import io.swarmgrid.tasks.balance.SubmitReceipt;
import io.swarmgrid.tasks.swarm.pso.AdoptionProposal;
import io.swarmgrid.tasks.swarm.pso.AdoptionRisk;
import io.swarmgrid.tasks.swarm.pso.ModelObjective;
import io.swarmgrid.tasks.swarm.pso.Objectives;
import io.swarmgrid.tasks.swarm.pso.PlanStep;
import io.swarmgrid.tasks.swarm.pso.ShardedModelObjective;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk assessment and implementation plan of an adoption: before proposing, the consensus
 * engine's learned outcome model (its public {@code model()}) scores the proposal and the plan is
 * chosen from the objective; once the adoption is committed, each plan step becomes one balancer
 * task (through the balance engine's public {@code submit}).
 */
public final class AdoptionPlanner {
  private static final Logger LOG = LoggerFactory.getLogger(AdoptionPlanner.class);
  // A model of the learning gate is a few kB; decoding it again for every proposal is wasted work.
  private volatile CachedModel cached;

  private record CachedModel(long version, String sha256, DecisionOutcomeModel model) {}

  private final HazelcastInstance hz;
  private final Objectives objectives;
  private volatile LoadBalancer handlerOn;

  /** Plans on {@code hz}, knowing the member's {@code objectives}. */
  public AdoptionPlanner(HazelcastInstance hz, Objectives objectives) {
    this.hz = hz;
    this.objectives = objectives;
  }

  /** Registers the plan's task handler with this member's balance engine once it is there. */
  public void registerHandler() {
    LoadBalancer lb = SwarmServices.find(hz, LoadBalancer.class).orElse(null);
    if (lb != null && lb != handlerOn) {
      lb.registerHandler(PlanStep.TASK_TYPE, new AdoptionPlanHandler(hz, objectives));
      handlerOn = lb;
    }
  }

  /** What the proposal to adopt {@code r}'s best carries; {@code features} as proposed. */
  public AdoptionProposal proposal(
      ConsensusEngine engine, ParticleSwarmRecord r, int electorate, double... features) {
    AdoptionRisk risk = assess(engine.model(), electorate, features);
    boolean model =
        objectives
            .find(r.objective())
            .filter(o -> o instanceof ModelObjective || o instanceof ShardedModelObjective)
            .isPresent();
    List<PlanStep> plan =
        List.of(new PlanStep(model ? PlanStep.RETRAIN : PlanStep.VERIFY, PlanStep.TASK_TYPE));
    return new AdoptionProposal(
        r.swarmId(), r.objective(), r.bestPosition(), r.bestValue(), risk, plan);
  }

  /**
   * The learned model's view of a swarm decision approved by all {@code electorate} voters with
   * full confidence; unassessed without a model.
   */
  AdoptionRisk assess(Optional<ModelRecord> record, int electorate, double... features) {
    if (record.isEmpty()) {
      return AdoptionRisk.unassessed();
    }
    ModelRecord m = record.get();
    CachedModel c = cached;
    if (c == null || c.version() != m.version() || !c.sha256().equals(m.sha256())) {
      c = new CachedModel(m.version(), m.sha256(), DecisionOutcomeModel.fromBytes(m.bytes()));
      cached = c;
    }
    String type = DecisionType.SWARM_ACTION.name();
    double p =
        c.model()
            .predictSuccess(new DecisionFeatures(type, 5, 1.0, features, 1.0, 1.0, electorate));
    return new AdoptionRisk(true, m.version(), p, m.threshold(type));
  }

  /**
   * Submits one balancer task per step of the committed proposal's plan; call once per committed
   * adoption. Without a balance engine on this member the plan is logged and not carried out.
   *
   * @return the submitted task ids
   */
  public List<String> carryOut(String proposalId, AdoptionProposal p) {
    Optional<LoadBalancer> balancer = SwarmServices.find(hz, LoadBalancer.class);
    if (balancer.isEmpty()) {
      LOG.info("adoption {}: no balance engine on this member, plan {} not run", proposalId, p);
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (PlanStep step : p.plan()) {
      TaskRequest request =
          TaskRequest.of(step.taskType(), 1_000)
              .withInput(new PlanTaskInput(p.swarmId(), proposalId, step.action()).json());
      SubmitReceipt receipt = balancer.get().submit(request);
      ids.add(receipt.taskId());
    }
    return ids;
  }
}
