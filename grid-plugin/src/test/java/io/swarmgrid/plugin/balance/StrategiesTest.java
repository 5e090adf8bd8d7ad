package io.swarmgrid.plugin.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmgrid.config.BalanceConfig;
import io.swarmgrid.config.SwarmConfigException;
import io.swarmgrid.storage.balance.ResourceRequirements;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each strategy's choice on one fixed fleet snapshot, and the multi-criteria weighing around it.
 */
class StrategiesTest {
  // small: 2 cores, idle, cheap edge box; big: 8 cores, 3 tasks held, 1 GPU; busy: 4 cores, 6 held,
  // half memory used.
  static final NodeView SMALL =
      new NodeView("small", "m-a", 2, 4_096, 0, Set.of(), 0.0, 1.0, 0, 0, 0, 0);
  static final NodeView BIG =
      new NodeView("big", "m-b", 8, 32_768, 1, Set.of("gpu"), 1.0, 1.0, 3, 3, 8_000, 0);
  static final NodeView BUSY =
      new NodeView("busy", "m-c", 4, 8_192, 0, Set.of(), 0.5, 0.6, 6, 4, 4_096, 0);
  static final List<NodeView> FLEET = List.of(SMALL, BIG, BUSY);

  static Task task(double cpu, long mem, int gpus, String... caps) {
    return new TaskRequest(
            "t", 0, new ResourceRequirements(cpu, mem, gpus, List.of(caps)), 100, "", 0, "")
        .toTask(0);
  }

  static String pick(BalanceStrategy s, Task t) {
    return Balancer.choose(s, t, FLEET, Weights.STRATEGY_ONLY, "").orElseThrow().node().nodeId();
  }

  @Test
  void roundRobin_takesTurnsWhateverTheSize() {
    RoundRobinStrategy rr = new RoundRobinStrategy();
    List<String> picks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      picks.add(pick(rr, task(0, 0, 0)));
    }
    assertThat(picks).containsExactly("small", "big", "busy", "small", "big", "busy");
  }

  @Test
  void weightedRoundRobin_givesTurnsInProportionToCores() {
    WeightedRoundRobinStrategy wrr = new WeightedRoundRobinStrategy();
    List<String> picks = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      picks.add(pick(wrr, task(0, 0, 0)));
    }
    assertThat(picks.stream().filter("big"::equals).count()).isEqualTo(8);
    assertThat(picks.stream().filter("busy"::equals).count()).isEqualTo(4);
    assertThat(picks.stream().filter("small"::equals).count()).isEqualTo(2);
    assertThat(picks.get(0)).isEqualTo("big");
    assertThat(picks.get(1))
        .isNotEqualTo("big")
        .as("smooth: no two big turns in a row at the start");
  }

  @Test
  void leastConnections_takesTheNodeHoldingFewestTasks() {
    assertThat(pick(new LeastConnectionsStrategy(), task(0, 0, 0))).isEqualTo("small");
  }

  @Test
  void resourceAware_fitsFreeResources_andKeepsMostHeadroom() {
    ResourceAwareStrategy ra = new ResourceAwareStrategy();
    // 1 core: small -> 1/2, big -> 4/8, busy -> 7/4 (over) -> tie small/big at 0.5, first wins.
    assertThat(pick(ra, task(1, 0, 0))).isEqualTo("small");
    // 3 cores do not fit small's 2 cores nor busy's free 0: only big.
    assertThat(pick(ra, task(3, 0, 0))).isEqualTo("big");
    // A GPU and the capability: only big has them.
    assertThat(pick(ra, task(0, 0, 1, "gpu"))).isEqualTo("big");
    // Memory free: busy has 4 GiB free, small 4 GiB, big 24 GiB; 6 GiB fits only big.
    assertThat(pick(ra, task(0, 6_000, 0))).isEqualTo("big");
  }

  @Test
  void predictive_untrained_usesWorkAheadOverCores() {
    PredictiveStrategy p = PredictiveStrategy.of(20, 20, 1000);
    NodeView backlogged = BIG.plus(1, 0, 0, 0, 700);
    // (estimate + backlog) / cores: small 100/2 = 50, busy 100/4 = 25, big with 700 ms ahead
    // (100+700)/8 = 100.
    assertThat(
            Balancer.choose(
                    p, task(0, 0, 0), List.of(SMALL, backlogged, BUSY), Weights.STRATEGY_ONLY, "")
                .orElseThrow()
                .node()
                .nodeId())
        .isEqualTo("busy");
    assertThat(p.predictMillis(task(0, 0, 0), backlogged)).isEqualTo(100.0);
  }

  @Test
  void predictive_learnsTheFastNode_andItsErrorFallsAsTasksFinish() {
    PredictiveStrategy p = PredictiveStrategy.of(40, 40, 5_000);
    Random rnd = new Random(7);
    // Truth: completion = estimate * (held + 1) * 8 / cores, plus 5 % noise; a fixed test set
    // scores the model.
    List<NodeView> testNodes = new ArrayList<>();
    List<Double> testTruth = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      NodeView n = FLEET.get(rnd.nextInt(3)).plus(rnd.nextInt(4) - 1, 0, 0, 0);
      testNodes.add(n);
      testTruth.add(truth(n, rnd));
    }
    List<Double> errors = new ArrayList<>();
    errors.add(error(p, testNodes, testTruth));
    for (int i = 1; i <= 1_200; i++) {
      NodeView n = FLEET.get(rnd.nextInt(3)).plus(rnd.nextInt(4) - 1, 0, 0, 0);
      p.learn(PredictiveStrategy.features(task(0, 0, 0), n), truth(n, rnd));
      if (i == 40 || i == 400 || i == 1_200) {
        errors.add(error(p, testNodes, testTruth));
      }
    }
    assertThat(errors.get(1)).as("errors %s", errors).isLessThan(errors.get(0));
    assertThat(errors.get(3)).as("errors %s", errors).isLessThan(errors.get(1));
    assertThat(p.metrics().orElseThrow().meanAbsoluteErrorMs())
        .isLessThan(p.metrics().orElseThrow().baselineMeanAbsoluteErrorMs());
    assertThat(p.learned()).isEqualTo(1_200);
    // It now prefers the idle 2-core box over the loaded 4-core one.
    assertThat(p.predictMillis(task(0, 0, 0), SMALL))
        .isLessThan(p.predictMillis(task(0, 0, 0), BUSY));
  }

  static double truth(NodeView n, Random rnd) {
    return 100.0 * (n.held() + 1) * 8 / n.cpuCores() * (0.95 + 0.1 * rnd.nextDouble());
  }

  static double error(PredictiveStrategy p, List<NodeView> nodes, List<Double> truth) {
    double sum = 0;
    for (int i = 0; i < nodes.size(); i++) {
      sum += Math.abs(p.predictMillis(task(0, 0, 0), nodes.get(i)) - truth.get(i));
    }
    return sum / nodes.size();
  }

  @Test
  void affinity_canOutweighTheStrategy() {
    Task t = task(0, 0, 0);
    // Least connections alone picks small; with affinity weight over 1 the data owner's node (busy)
    // wins.
    Placement p =
        Balancer.choose(new LeastConnectionsStrategy(), t, FLEET, new Weights(1, 0, 0, 1.5), "m-c")
            .orElseThrow();
    assertThat(p.node().nodeId()).isEqualTo("busy");
    Placement weak =
        Balancer.choose(new LeastConnectionsStrategy(), t, FLEET, new Weights(1, 0, 0, 0.2), "m-c")
            .orElseThrow();
    assertThat(weak.node().nodeId()).isEqualTo("small");
  }

  @Test
  void multiCriteria_costAndReliabilityTradeAgainstSpeed() {
    Task t = task(0, 0, 0);
    // Least connections: small 0, big 0.5, busy 1. With cost weight 2, big (cost 1) falls behind
    // busy (cost 0.5).
    assertThat(
            Balancer.choose(
                    new LeastConnectionsStrategy(),
                    t,
                    List.of(BIG, BUSY),
                    new Weights(1, 0, 0, 0),
                    "")
                .orElseThrow()
                .node()
                .nodeId())
        .isEqualTo("big");
    // big 0.5 + 2 x 1 = 2.5; busy 1 + 2 x 0.5 = 2.
    assertThat(
            Balancer.choose(
                    new LeastConnectionsStrategy(),
                    t,
                    List.of(BIG, BUSY),
                    new Weights(1, 2, 0, 0),
                    "")
                .orElseThrow()
                .node()
                .nodeId())
        .isEqualTo("busy");
    // Reliability: busy's reputation 0.6 adds 0.4 x 2: busy 2.8, big 2.5.
    assertThat(
            Balancer.choose(
                    new LeastConnectionsStrategy(),
                    t,
                    List.of(BIG, BUSY),
                    new Weights(1, 2, 2, 0),
                    "")
                .orElseThrow()
                .node()
                .nodeId())
        .isEqualTo("big");
  }

  /** What every strategy owes, whatever it weighs: a task goes only to a node that can run it. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("everyStrategy")
  void everyStrategy_placesOnlyOnNodesThatMeetTheRequirements(String name) {
    BalanceStrategy strategy = BalanceStrategies.create(name, BalanceConfig.DEFAULTS);
    for (int i = 0; i < 5; i++) {
      assertThat(pick(strategy, task(0, 0, 1, "gpu"))).as("only big has a GPU").isEqualTo("big");
      assertThat(pick(strategy, task(0, 0, 0))).isIn("small", "big", "busy");
    }
    assertThat(Balancer.choose(strategy, task(0, 0, 4), FLEET, Weights.STRATEGY_ONLY, ""))
        .as("no node has 4 GPUs")
        .isEmpty();
  }

  static Stream<String> everyStrategy() {
    return BalanceConfig.STRATEGIES.stream();
  }

  @Test
  void unschedulable_namesTheRequirementAndTheBestNode() {
    assertThat(Balancer.unschedulableReason(new ResourceRequirements(0, 0, 4, List.of()), FLEET))
        .hasValueSatisfying(
            r -> assertThat(r).contains("requirements.gpus", "4 wanted", "1 (big)"));
    assertThat(Balancer.unschedulableReason(new ResourceRequirements(16, 0, 0, List.of()), FLEET))
        .hasValueSatisfying(r -> assertThat(r).contains("requirements.cpu", "8 (big)"));
    assertThat(
            Balancer.unschedulableReason(new ResourceRequirements(0, 0, 0, List.of("fpga")), FLEET))
        .hasValueSatisfying(r -> assertThat(r).contains("fpga"));
    assertThat(
            Balancer.unschedulableReason(new ResourceRequirements(1, 1, 1, List.of("gpu")), FLEET))
        .isEmpty();
  }

  @Test
  void badRequests_nameFieldAndValue() {
    assertThatThrownBy(() -> TaskRequest.of("t", -5)).hasMessageContaining("estimatedMillis: -5");
    assertThatThrownBy(() -> TaskRequest.of("t", Long.MAX_VALUE))
        .hasMessageContaining("estimatedMillis");
    assertThatThrownBy(() -> new ResourceRequirements(-1, 0, 0, List.of()))
        .hasMessageContaining("requirements.cpu: -1");
    assertThatThrownBy(() -> TaskRequest.of(" ", 1)).hasMessageContaining("type");
    assertThatThrownBy(() -> BalanceStrategies.create("fastest", BalanceConfig.DEFAULTS))
        .isInstanceOf(SwarmConfigException.class)
        .hasMessageContaining("fastest");
  }

  @Test
  void allocator_checksConstraints_andReportsUtilization() {
    ResourceAllocator a = new ResourceAllocator();
    a.reset(FLEET);
    ResourceRequirements two = new ResourceRequirements(2, 0, 0, List.of());
    assertThat(a.allocate("small", two, false)).isTrue();
    assertThat(a.allocate("small", two, false)).as("no 2 cores free any more").isFalse();
    assertThat(a.allocate("nobody", two, true)).isFalse();
    assertThat(a.allocate("small", new ResourceRequirements(0, 0, 1, List.of()), true))
        .as("no GPU at all")
        .isFalse();
    assertThat(a.utilization()).containsEntry("small", 1.0).containsEntry("big", 3.0 / 8);
    a.release("small", two);
    assertThat(a.utilization()).containsEntry("small", 0.0);
    assertThat(a.held()).containsEntry("small", 0).containsEntry("busy", 6);
  }
}
