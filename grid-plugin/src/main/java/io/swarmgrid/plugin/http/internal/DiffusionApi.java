package io.swarmgrid.plugin.http.internal;

import io.swarmgrid.plugin.http.ApiException;
import io.swarmgrid.plugin.http.ApiResponse;
import io.swarmgrid.plugin.http.ApiRouter;
import io.swarmgrid.plugin.http.ApiRoutes;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.content.Manifest;
import io.swarmgrid.tasks.diffusion.DiffusionTask;
import io.swarmgrid.tasks.diffusion.Injector;
import io.swarmgrid.tasks.diffusion.TopologyNode;
import io.swarmgrid.tasks.workload.Workload;
import io.swarmgrid.tasks.workload.Workloads;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** The diffusion topology and tasks; injecting a workload. */
public final class DiffusionApi implements ApiRoutes {
  /**
   * What {@code POST /diffusion/tasks} takes.
   *
   * @param workload a workload name ({@code GET /workloads})
   * @param text the input text
   * @param energy initial energy, default 100 (it must be over {@code diffusion.stop-threshold} to
   *     travel)
   * @param at node id to inject at, or empty for a random node
   */
  public record InjectBody(String workload, String text, Double energy, String at) {}

  /**
   * A diffusion task as the API shows it: its progress and, once done, its result.
   *
   * @param taskId id
   * @param workload workload name
   * @param state where it is
   * @param energy initial energy
   * @param chunks chunks in all
   * @param chunksAgreed chunks whose result was agreed
   * @param reinjections re-injections after stalling
   * @param originNode where it was injected
   * @param finishedBy the node that merged the result
   * @param createdAt epoch millis
   * @param finishedAt epoch millis, 0 before
   * @param result the merged result once DONE
   */
  public record TaskView(
      String taskId,
      String workload,
      String state,
      double energy,
      int chunks,
      int chunksAgreed,
      int reinjections,
      String originNode,
      String finishedBy,
      long createdAt,
      long finishedAt,
      Object result) {
    static TaskView of(DiffusionTask t) {
      return new TaskView(
          t.taskId(),
          t.workload(),
          t.state().name(),
          t.energy(),
          t.chunks().size(),
          t.chunksAgreed(),
          t.reinjections(),
          t.originNode(),
          t.finishedBy(),
          t.createdAt(),
          t.finishedAt(),
          t.result());
    }
  }

  @Override
  public void register(ApiRouter router) {
    router
        .get(
            "/diffusion/topology",
            "diffusion",
            "member and virtual nodes with their neighbour links",
            r -> GridReads.topology(r.member()))
        .get(
            "/diffusion/tasks",
            "diffusion",
            "diffusion tasks, newest first",
            r -> r.page(GridReads.diffusionTasks(r.member()).stream().map(TaskView::of).toList()))
        .get(
            "/diffusion/tasks/{id}",
            "diffusion",
            "one diffusion task: progress and result",
            r -> {
              Map<String, DiffusionTask> tasks =
                  r.member().getMap(SwarmMap.DIFFUSION_TASKS.mapName());
              DiffusionTask t = tasks.get(r.path("id"));
              if (t == null) {
                throw ApiException.notFound("id", r.path("id"), "diffusion task");
              }
              return TaskView.of(t);
            })
        .get(
            "/workloads",
            "diffusion",
            "the workloads a task can run",
            r -> Map.of("workloads", Workloads.names()))
        .post(
            "/diffusion/tasks",
            "diffusion",
            "inject a workload over the given text with energy at a node (202, then poll the task)",
            "{\"workload\":\"word-count\",\"text\":\"to be or not to be\",\"energy\":50}",
            r -> {
              InjectBody b = r.body(InjectBody.class);
              if (b.workload() == null) {
                throw ApiException.badRequest("workload", null, "is required");
              }
              if (b.text() == null) {
                throw ApiException.badRequest("text", null, "is required");
              }
              Injector injector = new Injector(r.member());
              Workload<?> workload = Injector.workload(b.workload());
              double energy = b.energy() == null ? 100.0 : b.energy();
              injector.checkEnergy(energy);
              TopologyNode origin = injector.origin(b.at() == null ? "" : b.at());
              Manifest manifest;
              try (Reader in = new StringReader(b.text())) {
                manifest = injector.store(workload, in);
              } catch (IOException e) {
                throw Injector.unreadable("text", "(text)", e);
              }
              String id = injector.inject(workload.name(), manifest, energy, origin);
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("taskId", id);
              out.put("workload", workload.name());
              out.put("origin", origin.nodeId());
              return ApiResponse.accepted(out);
            });
  }
}
