package io.swarmgrid.plugin.http.internal;

import io.swarmgrid.plugin.http.ApiRouter;
import io.swarmgrid.plugin.http.ApiRoutes;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.region.RegionHealth;
import io.swarmgrid.storage.region.ReplicationStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Regions and replication links. */
public final class RegionApi implements ApiRoutes {
  @Override
  public void register(ApiRouter router) {
    router
        .get(
            "/regions",
            "regions",
            "regions this cluster knows, with reachability, round trip and load",
            r -> {
              Map<String, RegionHealth> map = r.member().getMap(SwarmMap.REGIONS.mapName());
              List<RegionHealth> all = new ArrayList<>(map.values());
              all.sort(Comparator.comparing(RegionHealth::region));
              return r.page(all);
            })
        .get(
            "/regions/links",
            "regions",
            "replication links per map, target region and member: shipped, applied, lag",
            r -> {
              Map<String, ReplicationStatus> map =
                  r.member().getMap(SwarmMap.REPLICATION.mapName());
              List<ReplicationStatus> all = new ArrayList<>(map.values());
              all.sort(
                  Comparator.comparing(ReplicationStatus::map)
                      .thenComparing(ReplicationStatus::target)
                      .thenComparing(ReplicationStatus::member));
              return r.page(all);
            });
  }
}
