package io.swarmgrid.deploy.demo;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.balance.BalanceClient;
import io.swarmgrid.client.balance.TaskStats;
import io.swarmgrid.client.balance.TaskWorker;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.balance.BalanceEngine;
import io.swarmgrid.storage.balance.ResourceRequirements;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskRequest;
import io.swarmgrid.tasks.balance.SubmitReceipt;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Member tasks placed next to their data, a client worker, an unschedulable request, the stats. */
final class TasksScenario implements Scenario {
  @Override
  public String title(DemoContext demo) {
    return "Tasks: placed next to their data, run on members and on a client worker";
  }

  @Override
  public void run(DemoContext demo) throws Exception {
    PrintStream out = demo.out();
    SwarmClient client = demo.client();
    LocalCluster cluster = demo.cluster();
    Path data = demo.data();
    for (HazelcastInstance m : cluster.running()) {
      demo.waitFor(
          "the balancing engine on every member",
          () -> SwarmGrid.service(m, BalanceEngine.class).isPresent());
      SwarmGrid.service(m, BalanceEngine.class)
          .orElseThrow()
          .registerHandler("word-length", ctx -> String.valueOf(ctx.task().input().length()));
    }
    BalanceClient tasks = client.balance();
    try (TaskWorker worker =
        tasks.startWorker(
            "demo-worker", Map.of("resize", ctx -> "resized " + ctx.task().input()), 2)) {
      demo.waitFor(
          "the worker in every member's fleet",
          () ->
              cluster.running().stream()
                  .allMatch(
                      m ->
                          SwarmGrid.service(m, BalanceEngine.class).orElseThrow().fleet().stream()
                              .anyMatch(n -> n.nodeId().equals("demo-worker"))));
      List<String> ids = new ArrayList<>();
      String[] words = {"swarm", "grid", "hazelcast", "tribuo", "raft", "jet"};
      for (String w : words) {
        ids.add(
            tasks
                .submit(TaskRequest.of("word-length", 5).onData("word:" + w).withInput(w))
                .taskId());
      }
      for (int i = 0; i < 4; i++) {
        ids.add(tasks.submit(TaskRequest.of("resize", 20).withInput("img-" + i)).taskId());
      }
      for (String id : ids) {
        Task t = tasks.await(id, Duration.ofSeconds(30));
        out.printf(
            "  %-12s %-22s on %-12s -> %s %s%n",
            t.type(),
            t.dataKey().isEmpty() ? "(no data key)" : t.dataKey(),
            t.node(),
            t.state(),
            t.result());
      }
      SubmitReceipt gpu =
          tasks.submit(
              TaskRequest.of("word-length", 5)
                  .requiring(new ResourceRequirements(0, 0, 8, List.of())));
      out.printf("  a task wanting 8 GPUs -> %s: %s%n", gpu.state(), gpu.reason());
      TaskStats stats = tasks.stats();
      out.printf(
          "  assignments %d, queue depth %d, worker completed %d, CPU utilization per node %s%n",
          stats.assignments(), stats.queueDepth(), worker.completed(), stats.utilization());
    }
  }
}
