package io.swarmgrid.plugin.http.internal;

import io.swarmgrid.plugin.http.ApiException;
import io.swarmgrid.plugin.http.ApiRouter;
import io.swarmgrid.plugin.http.ApiRoutes;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.swarm.PatternLog;
import io.swarmgrid.storage.swarm.PheromoneMap;
import io.swarmgrid.storage.swarm.PheromoneTrail;
import io.swarmgrid.tasks.swarm.SwarmAgents;
import java.util.ArrayList;
import java.util.Map;

/** Swarm agents, pheromone trails and emergent patterns. */
public final class SwarmApi implements ApiRoutes {
  @Override
  public void register(ApiRouter router) {
    router
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
            r -> r.page(new PatternLog(r.member()).of(r.path("swarm"))));
  }
}
