package io.swarmgrid.benchmarks;

import io.swarmgrid.config.BalanceConfig;
import io.swarmgrid.plugin.balance.BalanceStrategies;
import io.swarmgrid.plugin.balance.BalanceStrategy;
import io.swarmgrid.plugin.balance.Balancer;
import io.swarmgrid.plugin.balance.NodeView;
import io.swarmgrid.plugin.balance.Placement;
import io.swarmgrid.plugin.balance.PredictiveStrategy;
import io.swarmgrid.plugin.balance.Weights;
import io.swarmgrid.storage.balance.ResourceRequirements;
import io.swarmgrid.storage.balance.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * {@code ./swarmgrid bench balance-quality}: how well each strategy places a stream of tasks on a
 * heterogeneous fleet. A discrete-event simulation in virtual time over the real strategy classes
 * ({@link Balancer#choose} with each strategy, as the engine calls it): 8 nodes that all declare 4
 * cores but run at speeds 1, 1.5, 2, 3, 4, 5, 6 and 8 (unknown to every strategy); each node runs
 * its tasks one after the other (FIFO). Tasks arrive as a Poisson stream at 70 % of the fleet's
 * true capacity, with exponentially distributed work whose exact size is their estimate. Completion
 * time is from arrival to finish. The oracle knows the true speeds and queues and picks the
 * earliest finish. Same seed, same task stream for every strategy.
 */
final class BalanceQualityBench {
  private static final double[] SPEEDS = {1, 1.5, 2, 3, 4, 5, 6, 8};
  private static final double MEAN_WORK = 400;
  private static final double LOAD = 0.7;

  private BalanceQualityBench() {}

  record Outcome(String name, double meanMs, double p99Ms) {}

  static String run(boolean quick) {
    int tasks = quick ? 8_000 : 40_000;
    long seed = 42;
    Map<String, Outcome> results = new LinkedHashMap<>();
    BalanceConfig cfg =
        BalanceConfig.custom()
            .strategy("predictive")
            .speedWeight(1)
            .costWeight(0)
            .reliabilityWeight(0)
            .affinityWeight(0)
            .predictorMinSamples(200)
            .predictorRetrainEvery(500)
            .predictorWindow(4_000)
            .build();
    for (String name : BalanceConfig.STRATEGIES) {
      long t0 = System.nanoTime();
      Outcome o = simulate(name, BalanceStrategies.create(name, cfg), tasks, seed);
      results.put(name, o);
      System.err.printf(
          "  %-22s mean %9.1f ms  p99 %10.1f ms   (%.1f s)%n",
          name, o.meanMs(), o.p99Ms(), (System.nanoTime() - t0) / 1e9);
    }
    Outcome oracle = simulate("oracle", null, tasks, seed);
    results.put("oracle", oracle);
    System.err.printf(
        "  %-22s mean %9.1f ms  p99 %10.1f ms%n", "oracle", oracle.meanMs(), oracle.p99Ms());
    Outcome rr = results.get("round-robin");
    Outcome pred = results.get("predictive");
    StringBuilder sb = new StringBuilder("BENCH balance-quality");
    sb.append(
        String.format(
            " improvement_vs_round_robin=%.3f gap_to_oracle=%.3f",
            (rr.meanMs() - pred.meanMs()) / rr.meanMs(),
            (pred.meanMs() - oracle.meanMs()) / oracle.meanMs()));
    for (Outcome o : results.values()) {
      String key = o.name().replace('-', '_');
      sb.append(String.format(" mean_ms_%s=%.1f p99_ms_%s=%.1f", key, o.meanMs(), key, o.p99Ms()));
    }
    sb.append(" tasks=")
        .append(tasks)
        .append(" nodes=")
        .append(SPEEDS.length)
        .append(" load=")
        .append(LOAD)
        .append(" virtual_time=true");
    return sb.toString();
  }

  private record Done(double at, int node, String taskId, double arrival, long estimate) {}

  static Outcome simulate(String name, BalanceStrategy strategy, int count, long seed) {
    Random rnd = new Random(seed);
    int n = SPEEDS.length;
    double capacity = Arrays.stream(SPEEDS).sum();
    double meanGap = MEAN_WORK / (LOAD * capacity);
    double[] freeAt = new double[n];
    int[] held = new int[n];
    long[] backlog = new long[n];
    PriorityQueue<Done> running = new PriorityQueue<>((a, b) -> Double.compare(a.at(), b.at()));
    double[] completion = new double[count];
    int finished = 0;
    double now = 0;
    for (int i = 0; i < count; i++) {
      now += -Math.log(1 - rnd.nextDouble()) * meanGap;
      double work = -Math.log(1 - rnd.nextDouble()) * MEAN_WORK;
      while (!running.isEmpty() && running.peek().at() <= now) {
        Done d = running.poll();
        held[d.node()]--;
        backlog[d.node()] -= d.estimate();
        completion[finished++] = d.at() - d.arrival();
        if (strategy instanceof PredictiveStrategy p) {
          p.learn(d.taskId(), d.at() - d.arrival());
        }
      }
      Task task =
          Task.queued(
              "t-" + i, "sim", 0, ResourceRequirements.NONE, Math.round(work), "", 0, "", 0);
      int chosen;
      if (strategy == null) {
        chosen = 0;
        double best = Double.MAX_VALUE;
        for (int k = 0; k < n; k++) {
          double finish = Math.max(now, freeAt[k]) + work / SPEEDS[k];
          if (finish < best) {
            best = finish;
            chosen = k;
          }
        }
      } else {
        List<NodeView> fleet = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
          fleet.add(
              new NodeView(
                  "n" + k, "", 4, 16_384, 0, Set.of(), 0, 1, held[k], 0, 0, 0, backlog[k]));
        }
        Placement p =
            Balancer.choose(strategy, task, fleet, Weights.STRATEGY_ONLY, "").orElseThrow();
        chosen = Integer.parseInt(p.node().nodeId().substring(1));
        if (strategy instanceof PredictiveStrategy ps) {
          ps.placed(task, p.node());
        }
      }
      double start = Math.max(now, freeAt[chosen]);
      freeAt[chosen] = start + work / SPEEDS[chosen];
      held[chosen]++;
      backlog[chosen] += task.estimatedMillis();
      running.add(new Done(freeAt[chosen], chosen, task.taskId(), now, task.estimatedMillis()));
    }
    while (!running.isEmpty()) {
      Done d = running.poll();
      completion[finished++] = d.at() - d.arrival();
    }
    Arrays.sort(completion);
    double mean = Arrays.stream(completion).average().orElse(0);
    return new Outcome(
        name, mean, completion[(int) Math.min(count - 1, Math.ceil(0.99 * count) - 1)]);
  }
}
