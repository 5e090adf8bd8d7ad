package io.swarmgrid.deploy.demo;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.client.swarm.SearchStatus;
import io.swarmgrid.client.swarm.SwarmActivity;
import io.swarmgrid.client.swarm.SwarmAgentsClient;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.swarm.ColonyRecord;
import io.swarmgrid.storage.swarm.ParticleSwarmRecord;
import io.swarmgrid.storage.swarm.PatternEvent;
import io.swarmgrid.tasks.swarm.aco.AcoColonies;
import io.swarmgrid.tasks.swarm.pso.AdoptionProposal;
import io.swarmgrid.tasks.swarm.pso.AdoptionRisk;
import io.swarmgrid.tasks.swarm.pso.HyperParameters;
import io.swarmgrid.tasks.swarm.pso.Objectives;
import io.swarmgrid.tasks.swarm.pso.ParticleSwarms;
import io.swarmgrid.tasks.swarm.pso.PlanStep;
import io.swarmgrid.tasks.swarm.pso.RandomSearch;
import io.swarmgrid.tasks.swarm.pso.SearchSpec;
import io.swarmgrid.tasks.swarm.pso.ShardedModelObjective;
import io.swarmgrid.tasks.swarm.tsp.AcoParams;
import io.swarmgrid.tasks.swarm.tsp.TspInstance;
import io.swarmgrid.tasks.swarm.tsp.Tsplib;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Swarm agents next to their data: a particle swarm searches a model's hyper-parameters, scored
 * where the training shards are, and adopts its best by a collective decision; an ant colony on
 * berlin52 runs while a member that holds ants is killed, and reaches the optimum's neighbourhood
 * with no agent lost; the patterns it showed and the runtime's step rate.
 */
final class SwarmScenario implements Scenario {
  static final long BERLIN_OPTIMUM = 7542;
  static final int ANTS = 10;
  // Shards of 500 images (375 train, 125 held out), as the quick bench; 12 particles for 5 moves.
  static final int SEARCH_IMAGES = 3_000;
  static final int SEARCH_SHARDS = 6;
  static final int SEARCH_PARTICLES = 12;
  static final int SEARCH_BUDGET = 60;

  @Override
  public String title(DemoContext demo) {
    return "Swarm (agents beside their data: model search + consensus, ant colony through a kill)";
  }

  @Override
  public void run(DemoContext demo) throws Exception {
    PrintStream out = demo.out();
    HazelcastInstance hz = demo.client().hazelcast();
    SwarmAgentsClient swarm = demo.client().swarm();

    // The model search: Fashion-MNIST images pooled to 14x14 as shards of the learning engine's
    // data; each batch of points is scored by the members owning the shards.
    String data = "demo-pso-fmnist";
    ShardedModelObjective.loadFashionMnist(
        hz, data, demo.data().resolveSibling("fashion-mnist"), SEARCH_IMAGES, SEARCH_SHARDS);
    String objective = Objectives.MODEL_PREFIX + data;
    swarm.startSearch(
        new SearchSpec(
            "demo-model",
            objective,
            0,
            1,
            HyperParameters.DIMENSION,
            SEARCH_PARTICLES,
            SEARCH_BUDGET,
            1));
    out.printf(
        "model search: %d particles (agents) search the learning rate, minibatch and epochs of a"
            + " softmax regression on %d Fashion-MNIST images in %d shards (%s), %d evaluations,"
            + " each scored by the members owning the shards%n",
        SEARCH_PARTICLES, SEARCH_IMAGES, SEARCH_SHARDS, objective, SEARCH_BUDGET);
    demo.waitFor(
        "the search to adopt its best by a committed decision",
        () -> swarm.search("demo-model").map(SearchStatus::adopted).orElse(false));
    SearchStatus p = swarm.search("demo-model").orElseThrow();
    ParticleSwarmRecord record = new ParticleSwarms(hz).get("demo-model").orElseThrow();
    ShardedModelObjective model =
        new ShardedModelObjective(hz, objective, data, Objectives.MODEL_HELD_OUT);
    // Random search gets exactly the evaluations the swarm spent (an adoption may stop the swarm
    // before its budget), on the same objective and seed.
    double random =
        1 - RandomSearch.minimise(model, HyperParameters.DIMENSION, p.evaluations(), 1).value();
    out.printf(
        "  adopted validation accuracy %.4f with %s after %d evaluations; random search, same %d"
            + " evaluations, objective and seed: %.4f (difference %+.4f, one seed: the bench's"
            + " pso_grid_model_vs_random is the mean over 5); decision %s, %d proposal(s), voted"
            + " by the members for their particles%n",
        1 - p.bestValue(),
        HyperParameters.at(p.bestPosition()),
        p.evaluations(),
        p.evaluations(),
        random,
        1 - p.bestValue() - random,
        record.proposalId(),
        record.proposals());
    printRiskAndPlan(demo, hz, record.proposalId());
    swarm.stopSearch("demo-model");

    // A fourth member, running only the swarm engine, so that killing it here costs no other
    // section.
    HazelcastInstance extra = demo.cluster().addMember(DemoConfigs.swarmMember());
    // The samples folder beside the demo's log data (deploy/samples/loghub).
    Path file = demo.data().toAbsolutePath().getParent().resolve("tsplib/berlin52.tsp");
    String problem = Files.readString(file, StandardCharsets.ISO_8859_1);
    TspInstance berlin = Tsplib.readInstance(file);
    AcoColonies colonies = new AcoColonies(hz);
    String colony = "demo-berlin52";
    long start = System.nanoTime();
    colonies.start(colony, problem, AcoParams.defaults(1), ANTS);
    poll(Duration.ofSeconds(60), () -> swarm.agents().stream().allMatch(a -> a.steps() >= 3));
    out.printf(
        "ant colony on berlin52 (optimum %d): %d ants, agents per member %s%n",
        BERLIN_OPTIMUM, ANTS, swarm.summary().byMember());
    poll(
        Duration.ofSeconds(30),
        () -> extra.getMap("swarm.agents").getLocalMapStats().getOwnedEntryCount() > 0);
    long held = extra.getMap("swarm.agents").getLocalMapStats().getOwnedEntryCount();
    demo.cluster().kill(extra);
    out.printf(
        "  killed the added member, which held %d ants, mid-run; colony best so far %d%n",
        held, colonies.get(colony).map(ColonyRecord::bestLength).orElse(-1L));
    poll(
        Duration.ofSeconds(40),
        () -> colonies.get(colony).map(c -> c.bestLength() <= BERLIN_OPTIMUM).orElse(false));
    ColonyRecord c = colonies.get(colony).orElseThrow();
    int[] tour = c.bestTour();
    long length = berlin.tourLength(tour);
    out.printf(
        "  TOUR berlin52 length=%d gap=%.4f valid=%s seconds=%.1f; agents %d of %d after the kill%n",
        length,
        (double) length / BERLIN_OPTIMUM - 1,
        berlin.isValid(tour),
        (System.nanoTime() - start) / 1e9,
        swarm.summary().agents(),
        ANTS);
    poll(Duration.ofSeconds(30), () -> !swarm.patterns(colony).isEmpty());
    List<PatternEvent> patterns = swarm.patterns(colony);
    if (patterns.isEmpty()) {
      out.println("  patterns: none detected yet");
    }
    for (PatternEvent e : patterns.subList(0, Math.min(3, patterns.size()))) {
      out.printf(
          "  pattern %s (%s) at tick %d: %s%s%n",
          e.kind(),
          e.effect(),
          e.tick(),
          e.evidence(),
          e.response().isEmpty() ? "" : "; response: " + e.response());
    }
    SwarmActivity a = swarm.activity(Duration.ofSeconds(2));
    out.printf(
        "  runtime: %.0f agent steps/s (steadiness %.2f) over %d agents, trails %s%n",
        a.stepsPerSecond(), a.steadiness(), a.agents().agents(), a.trailKeys());
    colonies.stop(colony, ANTS);
  }

  // A bounded wait that does not fail the demo: what it waited for is printed either way.
  private static void poll(Duration atMost, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  // The adoption's proposal carries the learned model's risk and a plan; the plan became one
  // balancer task once the adoption was committed.
  private static void printRiskAndPlan(DemoContext demo, HazelcastInstance hz, String proposalId)
      throws InterruptedException {
    Proposal proposal = hz.<String, Proposal>getMap(SwarmMap.PROPOSALS.mapName()).get(proposalId);
    if (proposal == null) {
      return;
    }
    AdoptionProposal adoption = AdoptionProposal.fromPayload(proposal.payload());
    AdoptionRisk risk = adoption.risk();
    demo.out()
        .printf(
            "  risk: %s; plan: %s%n",
            risk.assessed()
                ? String.format(
                    Locale.ROOT,
                    "%.3f by the learned outcome model v%d (threshold %.3f)",
                    risk.risk(),
                    risk.modelVersion(),
                    risk.threshold())
                : "not assessed (no learned outcome model yet)",
            adoption.plan().stream().map(PlanStep::action).toList());
    IMap<String, Task> tasks = hz.getMap(SwarmMap.TASKS.mapName());
    BooleanSupplier done =
        () -> {
          List<Task> plan = planTasks(tasks, proposalId);
          return !plan.isEmpty() && plan.stream().allMatch(t -> t.state().finished());
        };
    demo.waitFor("the adoption's plan to run as balancer tasks", done);
    for (Task t : planTasks(tasks, proposalId)) {
      demo.out().printf("  plan task %s: %s %s%n", t.taskId(), t.state(), t.result());
    }
  }

  private static List<Task> planTasks(IMap<String, Task> tasks, String proposalId) {
    return tasks.values().stream()
        .filter(t -> t.type().equals(PlanStep.TASK_TYPE) && t.input().contains(proposalId))
        .toList();
  }
}
