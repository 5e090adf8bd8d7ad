package io.swarmgrid.plugin.http.internal;

import io.swarmgrid.plugin.http.ApiException;
import io.swarmgrid.plugin.http.ApiRequest;
import io.swarmgrid.plugin.http.ApiResponse;
import io.swarmgrid.plugin.http.ApiRouter;
import io.swarmgrid.plugin.http.ApiRoutes;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.swarm.AgentState;
import io.swarmgrid.storage.swarm.ParticleSwarmRecord;
import io.swarmgrid.storage.swarm.PatternLog;
import io.swarmgrid.storage.swarm.PheromoneMap;
import io.swarmgrid.storage.swarm.PheromoneTrail;
import io.swarmgrid.tasks.swarm.AgentSpec;
import io.swarmgrid.tasks.swarm.SwarmAgents;
import io.swarmgrid.tasks.swarm.pso.ParticleSwarms;
import io.swarmgrid.tasks.swarm.pso.SearchSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/** Swarm agents, pheromone trails, emergent patterns and particle-swarm searches. */
public final class SwarmApi implements ApiRoutes {
  /**
   * What {@code POST /swarm/agents} takes (see {@link AgentSpec}).
   *
   * @param name unique with the data key; the agent id is {@code name@dataKey}
   * @param type an agent type registered on the members (built in: {@code counter}, ...)
   * @param dataKey the data key whose partition holds the agent; empty or absent for the name's own
   * @param capabilities what it can do
   * @param memoryLimit bound on its memory, default {@link AgentSpec#DEFAULT_MEMORY_LIMIT}
   * @param links ids of agents it knows
   * @param data its initial state, in its type's format
   */
  public record AgentBody(
      String name,
      String type,
      String dataKey,
      List<String> capabilities,
      Integer memoryLimit,
      List<String> links,
      String data) {}

  @Override
  public void register(ApiRouter router) {
    router
        .post(
            "/swarm/agents",
            "swarm",
            "add an agent of a registered type next to a data key (201, the agent)",
            "{\"name\":\"c1\",\"type\":\"counter\",\"dataKey\":\"orders-7\"}",
            r -> ApiResponse.created(add(new SwarmAgents(r.member()), r.body(AgentBody.class))))
        .post(
            "/swarm/agents/{id}/pause",
            "swarm",
            "pause an agent: members stop stepping it",
            "{}",
            r -> change(r, SwarmAgents::pause))
        .post(
            "/swarm/agents/{id}/resume",
            "swarm",
            "resume a paused or failed agent",
            "{}",
            r -> change(r, SwarmAgents::resume))
        .delete(
            "/swarm/agents/{id}",
            "swarm",
            "remove an agent (its close runs first)",
            r -> {
              if (!new SwarmAgents(r.member()).remove(r.path("id"))) {
                throw ApiException.notFound("id", r.path("id"), "agent");
              }
              return Map.of("removed", r.path("id"));
            })
        .get(
            "/swarm/agents",
            "swarm",
            "every agent with its status and steps",
            r -> r.page(new SwarmAgents(r.member()).list()))
        .get(
            "/swarm/agents/{id}",
            "swarm",
            "one agent",
            r ->
                new SwarmAgents(r.member())
                    .get(r.path("id"))
                    .orElseThrow(() -> ApiException.notFound("id", r.path("id"), "agent")))
        .get(
            "/swarm/trails",
            "swarm",
            "names of the pheromone trails",
            r -> {
              Map<String, PheromoneTrail> map = r.member().getMap(SwarmMap.PHEROMONES.mapName());
              ArrayList<String> names = new ArrayList<>(map.keySet());
              names.sort(null);
              return r.page(names);
            })
        .get(
            "/swarm/trails/{name}",
            "swarm",
            "one trail: its spec and entries",
            r ->
                new PheromoneMap(r.member())
                    .snapshot(r.path("name"))
                    .orElseThrow(() -> ApiException.notFound("name", r.path("name"), "trail")))
        .get(
            "/swarm/patterns/{swarm}",
            "swarm",
            "emergent patterns detected in one swarm",
            r -> r.page(new PatternLog(r.member()).of(r.path("swarm"))))
        .post(
            "/swarm/searches",
            "swarm",
            "start a particle-swarm search of an objective registered on the members, by name"
                + " (201 with its status)",
            "{\"swarmId\":\"s1\",\"objective\":\"sphere\",\"lower\":-5,\"upper\":5,"
                + "\"dimension\":3,\"particles\":10,\"budget\":500,\"seed\":1}",
            r -> {
              SearchSpec spec = r.body(SearchSpec.class);
              try {
                return ApiResponse.created(status(new ParticleSwarms(r.member()).search(spec)));
              } catch (IllegalArgumentException e) {
                throw new ApiException(400, "body", null, e.getMessage());
              } catch (IllegalStateException e) {
                throw ApiException.engineOff("swarm");
              }
            })
        .get(
            "/swarm/searches/{id}",
            "swarm",
            "one particle-swarm search: evaluations spent, best so far, whether it is done",
            r ->
                status(
                    new ParticleSwarms(r.member())
                        .get(r.path("id"))
                        .orElseThrow(() -> ApiException.notFound("id", r.path("id"), "search"))))
        .delete(
            "/swarm/searches/{id}",
            "swarm",
            "stop a search and remove its particles",
            r -> {
              ParticleSwarms swarms = new ParticleSwarms(r.member());
              swarms
                  .get(r.path("id"))
                  .orElseThrow(() -> ApiException.notFound("id", r.path("id"), "search"));
              swarms.stop(r.path("id"));
              return Map.of("swarmId", r.path("id"), "stopped", true);
            });
  }

  // JSON has no infinity: before the first evaluation the best value is null.
  private static Map<String, Object> status(ParticleSwarmRecord s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("swarmId", s.swarmId());
    out.put("objective", s.objective());
    out.put("lower", s.bounded() ? s.lower() : null);
    out.put("upper", s.bounded() ? s.upper() : null);
    out.put("dimension", s.dimension());
    out.put("particles", s.particles());
    out.put("budget", s.budget());
    out.put("evaluations", s.evaluations());
    out.put("bestPosition", s.bestPosition());
    out.put("bestValue", Double.isFinite(s.bestValue()) ? s.bestValue() : null);
    out.put("adopted", s.adopted());
    out.put("done", s.adopted() || s.exhausted());
    return out;
  }

  private static AgentState add(SwarmAgents agents, AgentBody b) {
    if (b.name() == null || b.name().isBlank()) {
      throw ApiException.badRequest("name", b.name(), "is required");
    }
    if (b.type() == null || b.type().isBlank()) {
      throw ApiException.badRequest("type", b.type(), "is required");
    }
    AgentSpec spec =
        new AgentSpec(
            b.name(),
            b.type(),
            b.dataKey(),
            b.capabilities() == null ? List.of() : b.capabilities(),
            b.memoryLimit() == null ? AgentSpec.DEFAULT_MEMORY_LIMIT : b.memoryLimit(),
            b.links() == null ? List.of() : b.links(),
            b.data());
    try {
      return agents.add(spec);
    } catch (IllegalArgumentException e) {
      // The owner's refusal of an unregistered type says "agent type: ..."; name the body's field.
      if (String.valueOf(e.getMessage()).startsWith("agent type:")) {
        throw new ApiException(400, "type", b.type(), e.getMessage());
      }
      throw e;
    }
  }

  /** Applies {@code change} to the agent of the path's id and answers the agent as it is now. */
  private static AgentState change(ApiRequest r, BiPredicate<SwarmAgents, String> change) {
    SwarmAgents agents = new SwarmAgents(r.member());
    String id = r.path("id");
    if (!change.test(agents, id)) {
      throw ApiException.notFound("id", id, "agent");
    }
    return agents.get(id).orElseThrow(() -> ApiException.notFound("id", id, "agent"));
  }
}
