package io.swarmgrid.plugin.http.internal;

import com.hazelcast.cluster.Member;
import io.swarmgrid.config.BalanceConfig;
import io.swarmgrid.plugin.http.ApiException;
import io.swarmgrid.plugin.http.ApiResponse;
import io.swarmgrid.plugin.http.ApiRouter;
import io.swarmgrid.plugin.http.ApiRoutes;
import io.swarmgrid.storage.balance.ResourceRequirements;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskRequest;
import io.swarmgrid.storage.balance.TaskState;
import io.swarmgrid.storage.balance.TaskStore;
import io.swarmgrid.tasks.balance.BalanceTasks;
import io.swarmgrid.tasks.balance.MemberStats;
import io.swarmgrid.tasks.balance.SubmitReceipt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Tasks and balancing figures. */
public final class BalanceApi implements ApiRoutes {
  /**
   * What {@code POST /tasks} takes.
   *
   * @param type task type (a handler for it must exist on some node)
   * @param priority 0..1000, default 0
   * @param estimatedMillis expected run time, ms
   * @param dataKey the data the task runs next to, or empty
   * @param deadline epoch millis, 0 for none
   * @param input the task's input text
   * @param requirements cpu, memoryMb, gpus, capabilities
   */
  public record SubmitBody(
      String type,
      Integer priority,
      Long estimatedMillis,
      String dataKey,
      Long deadline,
      String input,
      ResourceRequirements requirements) {}

  @Override
  public void register(ApiRouter router) {
    router
        .get(
            "/tasks",
            "balance",
            "tasks, newest first (?state=QUEUED etc.)",
            r -> {
              TaskStore store = store(r.member());
              String state = r.query("state", null);
              List<Task> tasks = new ArrayList<>();
              if (state == null) {
                tasks.addAll(store.map().values());
              } else {
                tasks.addAll(store.inState(state(state)));
              }
              tasks.sort(Comparator.comparingLong(Task::submittedAt).reversed());
              return r.page(tasks);
            })
        .get(
            "/tasks/{id}",
            "balance",
            "one task",
            r ->
                store(r.member())
                    .get(r.path("id"))
                    .orElseThrow(() -> ApiException.notFound("id", r.path("id"), "task")))
        .post(
            "/tasks",
            "balance",
            "submit a task; answers where it was placed (201)",
            "{\"type\":\"resize\",\"estimatedMillis\":100,\"dataKey\":\"img-7\",\"input\":\"...\"}",
            r -> {
              SubmitBody b = r.body(SubmitBody.class);
              if (b.type() == null) {
                throw ApiException.badRequest("type", null, "is required");
              }
              TaskRequest req =
                  new TaskRequest(
                      b.type(),
                      b.priority() == null ? 0 : b.priority(),
                      b.requirements(),
                      b.estimatedMillis() == null ? 0 : b.estimatedMillis(),
                      b.dataKey(),
                      b.deadline() == null ? 0 : b.deadline(),
                      b.input());
              SubmitReceipt receipt = BalanceTasks.submit(store(r.member()).map(), req);
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("taskId", receipt.taskId());
              out.put("state", receipt.state());
              out.put("node", receipt.node());
              out.put("reason", receipt.reason());
              return ApiResponse.created(out);
            })
        .post(
            "/tasks/{id}/cancel",
            "balance",
            "cancel a task that has not finished",
            "{}",
            r -> {
              TaskStore store = store(r.member());
              if (store.get(r.path("id")).isEmpty()) {
                throw ApiException.notFound("id", r.path("id"), "task");
              }
              return Map.of("state", store.cancel(r.path("id"), System.currentTimeMillis()));
            })
        .get(
            "/balance/stats",
            "balance",
            "assignments, queue depth, load and utilization per node, each member's figures",
            r -> {
              TaskStore store = store(r.member());
              List<Map<String, Object>> members = new ArrayList<>();
              Map<Member, Future<MemberStats>> all =
                  r.member()
                      .getExecutorService(BalanceTasks.EXECUTOR)
                      .submitToAllMembers(BalanceTasks.stats());
              for (Future<MemberStats> f : all.values()) {
                members.add(view(f.get(30, TimeUnit.SECONDS)));
              }
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("queueDepth", store.queueDepth());
              out.put("held", store.loads());
              out.put("tasks", store.size());
              out.put("members", members);
              return out;
            });
  }

  private static Map<String, Object> view(MemberStats s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("member", s.member());
    m.put("assignments", s.assignments());
    m.put("assignmentsPerSecond", s.assignmentsPerSecond());
    m.put("rebalanced", s.rebalanced());
    m.put("requeued", s.requeued());
    m.put("predictorTrained", s.predictorTrained());
    m.put("predictorErrorMs", s.predictorErrorMs());
    m.put("utilization", s.utilization());
    m.put("held", s.held());
    return m;
  }

  static TaskStore store(com.hazelcast.core.HazelcastInstance hz) {
    BalanceConfig d = BalanceConfig.DEFAULTS;
    return new TaskStore(hz, d.maxTasks(), d.finishedTtlSeconds());
  }

  private static TaskState state(String name) {
    try {
      return TaskState.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "state", name, "is not a task state; allowed: " + Arrays.toString(TaskState.values()));
    }
  }
}
