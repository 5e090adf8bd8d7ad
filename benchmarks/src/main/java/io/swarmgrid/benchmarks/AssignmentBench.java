package io.swarmgrid.benchmarks;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.config.BalanceConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.balance.BalanceEngine;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskKey;
import io.swarmgrid.storage.balance.TaskRequest;
import io.swarmgrid.storage.balance.TaskState;
import io.swarmgrid.tasks.balance.SubmitReceipt;
import io.swarmgrid.tasks.balance.TaskHandler;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code ./swarmgrid bench assignment}: task submissions from a client, each stored on its data
 * key's partition, assigned there by the least-connections strategy to a member node and run by a
 * no-op handler, against raw {@code IMap.set} of the same task records from the same client at the
 * same concurrency, on 3 members in this JVM. Latency is the submit call: stored and assigned.
 * {@code unfinished_after_1s} counts the tasks not finished one second after the submissions
 * stopped: a bench that submits faster than the tasks run measures a queue, not a balancer.
 */
final class AssignmentBench {
  private AssignmentBench() {}

  static String run(boolean quick) throws Exception {
    int threads = 8;
    double warmup = quick ? 2 : 5;
    double seconds = quick ? 8 : 30;
    int keys = 10_000;
    BalanceConfig balance =
        BalanceConfig.custom()
            .strategy("least-connections")
            .speedWeight(1)
            .costWeight(0)
            .reliabilityWeight(0.5)
            .affinityWeight(0.5)
            .maxTasks(2_000_000)
            .finishedTtlSeconds(5)
            .build();
    try (LocalCluster cluster =
            LocalCluster.start(
                "swarmgrid-bench-assign",
                Integer.getInteger("swarmgrid.bench.basePort", 6251),
                3,
                i ->
                    SwarmGridConfig.custom()
                        .node(
                            NodeConfig.custom()
                                .id("ab-" + i)
                                .keyFile(".swarmgrid/bench-keys/{node-id}.key")
                                .build())
                        .engines(EnginesConfig.of(EnumSet.of(EngineKind.BALANCE)))
                        .balance(balance)
                        .build());
        SwarmClient client =
            SwarmClient.connect(
                SwarmClientConfig.of(
                    "swarmgrid-bench-assign", cluster.addresses().toArray(String[]::new)))) {
      for (HazelcastInstance m : cluster.members()) {
        long until = System.currentTimeMillis() + 30_000;
        while (SwarmGrid.service(m, BalanceEngine.class).isEmpty()
            && System.currentTimeMillis() < until) {
          Thread.sleep(50);
        }
        SwarmGrid.service(m, BalanceEngine.class)
            .orElseThrow()
            .registerHandler("bench", TaskHandler.atOnce(ctx -> ""));
      }
      Thread.sleep(1_000); // one sweep: every member sees every member node
      System.err.printf(
          "assignment: %d threads, %.0f s each run, %d data keys%n", threads, seconds, keys);
      LongAdder submitted = new LongAdder();
      CostedRun assignRun =
          CostedRun.run(
              "assign",
              threads,
              warmup,
              seconds,
              AssignmentBench::callerSide,
              (t, i) -> {
                SubmitReceipt r =
                    client
                        .balance()
                        .submit(TaskRequest.of("bench", 1).onData("d-" + ((t * 7919L + i) % keys)));
                submitted.increment();
                if (!r.state().equals("ASSIGNED") && !r.state().equals("DONE")) {
                  throw new IllegalStateException("not assigned: " + r);
                }
              });
      Thread.sleep(1_000); // the measured interval itself, not a wait for a condition
      long unfinished = unfinished(client.hazelcast().getMap(SwarmMap.TASKS.mapName()));
      IMap<String, Task> raw = client.hazelcast().getMap("bench.raw-tasks");
      CostedRun baselineRun =
          CostedRun.run(
              "imap-set",
              threads,
              warmup,
              seconds,
              AssignmentBench::callerSide,
              (t, i) -> {
                Task task =
                    TaskRequest.of("bench", 1)
                        .onData("d-" + ((t * 7919L + i) % keys))
                        .toTask(System.currentTimeMillis());
                raw.set(task.taskId(), task);
              });
      LoadRun.Result assign = assignRun.load();
      LoadRun.Result baseline = baselineRun.load();
      for (CostedRun c : List.of(assignRun, baselineRun)) {
        LoadRun.Result r = c.load();
        System.err.printf(
            "  %-10s %8.0f ops/s  p50 %.2f ms  p99 %.2f ms  members' CPU %.0f us/op%n",
            r.name(), r.opsPerSecond(), r.p50Millis(), r.p99Millis(), c.memberCpuMicrosPerOp());
      }
      // The members' CPU per call, a set's over a submission's: what a submission costs the
      // cluster, less moved by other processes on a shared machine than throughput is.
      return String.format(
          "BENCH assignment ops_per_s=%.0f baseline_ops_per_s=%.0f ratio=%.2f p50_ms=%.2f p99_ms=%.2f baseline_p50_ms=%.2f baseline_p99_ms=%.2f unfinished_after_1s=%d submitted=%d member_cpu_ratio=%.2f member_cpu_us=%.0f baseline_member_cpu_us=%.0f threads=%d seconds=%.0f",
          assign.opsPerSecond(),
          baseline.opsPerSecond(),
          assign.opsPerSecond() / baseline.opsPerSecond(),
          assign.p50Millis(),
          assign.p99Millis(),
          baseline.p50Millis(),
          baseline.p99Millis(),
          unfinished,
          submitted.sum(),
          baselineRun.memberCpuMicrosPerOp() / assignRun.memberCpuMicrosPerOp(),
          assignRun.memberCpuMicrosPerOp(),
          baselineRun.memberCpuMicrosPerOp(),
          threads,
          seconds);
    }
  }

  /** The callers' threads: the load's and the Hazelcast client's. */
  private static boolean callerSide(String thread) {
    return thread.startsWith("bench-") || thread.contains(".client_");
  }

  /** Tasks queued, assigned or running (finished ones expire, so they are counted this way). */
  private static long unfinished(IMap<TaskKey, Task> tasks) {
    return tasks.aggregate(
        Aggregators.count(),
        Predicates.in(
            "state", TaskState.QUEUED.name(), TaskState.ASSIGNED.name(), TaskState.RUNNING.name()));
  }
}
