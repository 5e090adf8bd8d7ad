package io.swarmgrid.plugin.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.consensus.ConsensusEngine;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskState;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.swarm.ParticleSwarmRecord;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.swarm.pso.AdoptionProposal;
import io.swarmgrid.tasks.swarm.pso.HyperParameters;
import io.swarmgrid.tasks.swarm.pso.ModelObjective;
import io.swarmgrid.tasks.swarm.pso.ParticleSwarms;
import io.swarmgrid.tasks.swarm.pso.PlanStep;
import io.swarmgrid.tasks.swarm.pso.RandomSearch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hyper-parameter search on three members, seeded: particles are agents, each evaluation trains
 * the learning engine's softmax regression with the particle's hyper-parameters and scores it on
 * held-out Fashion-MNIST; the best configuration is adopted by one committed decision whose
 * proposal carries the learned model's risk and a plan, and the plan becomes one balancer task.
 */
class ModelSearchOnGridTest {
  @TempDir static Path keys;
  static ModelObjective objective;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .cpMembers(3)
          .keep("swarm.nodes", "swarm.particle-swarms", "swarm.tasks")
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("m" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(
                              EnginesConfig.of(
                                  EnumSet.of(
                                      EngineKind.SWARM, EngineKind.CONSENSUS, EngineKind.BALANCE)))
                          .build()));

  @BeforeAll
  static void data() throws Exception {
    objective = ModelObjective.fashionMnist(Path.of("../deploy/samples/fashion-mnist"), 600, 400);
  }

  private static void ready() {
    for (int i = 0; i < 3; i++) {
      HazelcastInstance m = cluster.member(i);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  SwarmGrid.service(m, SwarmAgentEngine.class).isPresent()
                      && SwarmGrid.service(m, ConsensusEngine.class)
                          .map(ConsensusEngine::ready)
                          .orElse(false));
      SwarmAgentEngine engine = SwarmGrid.service(m, SwarmAgentEngine.class).orElseThrow();
      engine.registerObjective(objective);
      engine.tickMillis(20);
    }
  }

  @Test
  void search_findsAConfiguration_adoptedOnce_withRiskAndPlan_andThePlanRunsOnce()
      throws Exception {
    ready();
    HazelcastInstance client = cluster.newClient();
    ParticleSwarms swarms = new ParticleSwarms(client);
    long budget = 24;
    swarms.start("fmnist", objective, HyperParameters.DIMENSION, 6, budget, 11);

    await()
        .atMost(Duration.ofSeconds(180))
        .until(() -> swarms.get("fmnist").orElseThrow().adopted());
    ParticleSwarmRecord r = swarms.get("fmnist").orElseThrow();
    double accuracy = objective.accuracy(r.bestPosition());
    assertThat(1 - r.bestValue()).as("recomputed").isEqualTo(accuracy);
    assertThat(accuracy).isGreaterThan(0.6);
    double random =
        1 - RandomSearch.minimise(objective, HyperParameters.DIMENSION, budget, 11).value();
    System.out.printf(
        "model search on the grid: accuracy %.4f with %s (random search %.4f) after %d"
            + " evaluations%n",
        accuracy, HyperParameters.at(r.bestPosition()), random, r.evaluations());

    ConsensusEngine consensus = SwarmGrid.service(cluster.member(0), ConsensusEngine.class).get();
    Decision d = consensus.awaitDecision(r.proposalId()).get(30, TimeUnit.SECONDS);
    assertThat(d.end()).isEqualTo(DecisionEnd.QUORUM);
    assertThat(d.outcomeLabel()).isEqualTo("adopt");
    List<Decision> adoptions =
        consensus.decisions().history(DecisionType.SWARM_ACTION, 100).stream()
            .filter(x -> x.proposalId().startsWith("adopt:fmnist:"))
            .filter(x -> "adopt".equals(x.outcomeLabel()))
            .toList();
    assertThat(adoptions).as("adopted once").hasSize(1);

    AdoptionProposal proposal =
        AdoptionProposal.fromPayload(
            consensus.decisions().proposal(r.proposalId()).orElseThrow().payload());
    assertThat(proposal.swarmId()).isEqualTo("fmnist");
    assertThat(proposal.position()).isEqualTo(r.bestPosition());
    // No outcomes reported yet, so no learned model: the proposal says the risk is unassessed.
    assertThat(proposal.risk().assessed()).isFalse();
    assertThat(proposal.plan()).containsExactly(new PlanStep(PlanStep.RETRAIN, PlanStep.TASK_TYPE));

    IMap<String, Task> tasks = cluster.member(0).getMap(SwarmMap.TASKS.mapName());
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                planTasks(tasks).stream()
                    .anyMatch(t -> t.state() == TaskState.DONE || t.state() == TaskState.FAILED));
    // Ticks go on after the adoption: the plan is still submitted only once.
    long ticks = minTicks();
    await().atMost(Duration.ofSeconds(60)).until(() -> minTicks() >= ticks + 10);
    List<Task> plan = planTasks(tasks);
    assertThat(plan).hasSize(1);
    assertThat(plan.get(0).state()).isEqualTo(TaskState.DONE);
    assertThat(plan.get(0).result()).contains("action=retrain").contains("matches=true");
    assertThat(plan.get(0).input()).contains(r.proposalId());
    // The plan's result is the decision's outcome, for the learned model to learn from.
    assertThat(consensus.decisions().outcomes(100))
        .anyMatch(o -> o.proposalId().equals(r.proposalId()) && o.success());
    swarms.stop("fmnist");
  }

  private static List<Task> planTasks(IMap<String, Task> tasks) {
    return tasks.values().stream().filter(t -> t.type().equals(PlanStep.TASK_TYPE)).toList();
  }

  private static long minTicks() {
    return cluster.members().stream()
        .filter(m -> m.getLifecycleService().isRunning())
        .mapToLong(m -> SwarmGrid.service(m, SwarmAgentEngine.class).orElseThrow().stats().ticks())
        .min()
        .orElse(0);
  }
}
