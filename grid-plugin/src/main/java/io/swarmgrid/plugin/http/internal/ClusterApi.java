package io.swarmgrid.plugin.http.internal;

import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.engine.EngineCoordinator;
import io.swarmgrid.plugin.http.ApiException;
import io.swarmgrid.plugin.http.ApiRequest;
import io.swarmgrid.plugin.http.ApiRouter;
import io.swarmgrid.plugin.http.ApiRoutes;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.tasks.cluster.MemberSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nodes, members, CP members and engines. The node routes read the member's copy of the registry
 * ({@link LocalNodes}), not the partitions.
 */
public final class ClusterApi implements ApiRoutes {
  @Override
  public void register(ApiRouter router) {
    router
        .get(
            "/nodes",
            "cluster",
            "registered nodes (?status=active for active ones only)",
            r -> {
              LocalNodes registry = nodes(r);
              String status = r.query("status", "all");
              List<NodeInfo> nodes =
                  switch (status) {
                    case "all" -> registry.all();
                    case "active" -> registry.active();
                    default ->
                        throw ApiException.badRequest("status", status, "is not all or active");
                  };
              return r.page(nodes);
            })
        .get(
            "/nodes/{id}",
            "cluster",
            "one node",
            r ->
                nodes(r)
                    .get(r.path("id"))
                    .orElseThrow(() -> ApiException.notFound("id", r.path("id"), "node")))
        .get(
            "/members",
            "cluster",
            "the cluster's members and state",
            r -> {
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("clusterState", r.member().getCluster().getClusterState().name());
              out.put("members", GridReads.members(r.member()));
              return out;
            })
        .get(
            "/cp-members",
            "cluster",
            "members of the CP Subsystem",
            r -> GridReads.cpMembers(r.member()))
        .get(
            "/engines",
            "cluster",
            "engines running on this member and on every active node",
            r -> {
              EngineCoordinator engines =
                  SwarmGrid.engines(r.member())
                      .orElseThrow(() -> new IllegalStateException("SwarmGrid has not started"));
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("running", engines.running());
              out.put("unavailable", engines.unavailable());
              Map<String, List<String>> byNode = new LinkedHashMap<>();
              nodes(r).active().forEach(n -> byNode.put(n.nodeId(), n.engines()));
              out.put("nodes", byNode);
              return out;
            })
        .get(
            "/status",
            "cluster",
            "members, CP members and cluster state as one member sees them",
            r -> {
              MemberSnapshot s = GridReads.snapshot(r.member());
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("members", s.members());
              out.put("cpMembers", s.cpMembers());
              out.put("cpError", s.cpError());
              out.put("clusterState", s.clusterState());
              return out;
            });
  }

  private static LocalNodes nodes(ApiRequest r) {
    return SwarmServices.require(r.member(), LocalNodes.class, "made by the HTTP server");
  }
}
