package io.swarmgrid.tasks.region;

import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.region.RegionHealth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses where a computation runs from what the region engine measured ({@code swarm.regions}:
 * which regions answer, their round trip, this region's load) and this region's node registry: the
 * data's home region when it answers, else the reachable regions by round trip (load breaks ties);
 * inside this region the active node offering the capability with the fewest tasks held per CPU
 * core (tasks assigned or running in {@code swarm.tasks}), then the most cores. A region that is
 * down, or this region without a capable node, is passed over for the next one, and the reason says
 * so. A pure function: the same inputs give the same choice.
 */
public final class GeoRouter {
  private GeoRouter() {}

  /**
   * The choice for {@code request}.
   *
   * @throws IllegalStateException when no reachable region can take it (the message says why each
   *     was passed over)
   */
  public static RouteChoice choose(
      RouteRequest request, Collection<RegionHealth> regions, List<NodeInfo> localNodes) {
    return choose(request, regions, localNodes, Map.of());
  }

  /**
   * The choice for {@code request}, judging this region's nodes also by {@code heldTasks} (node id
   * to tasks assigned or running there; a node not named holds none).
   *
   * @throws IllegalStateException when no reachable region can take it (the message says why each
   *     was passed over)
   */
  public static RouteChoice choose(
      RouteRequest request,
      Collection<RegionHealth> regions,
      List<NodeInfo> localNodes,
      Map<String, Integer> heldTasks) {
    List<String> passed = new ArrayList<>();
    List<RegionHealth> reachable = new ArrayList<>();
    List<RegionHealth> byName = new ArrayList<>(regions);
    byName.sort(Comparator.comparing(RegionHealth::region));
    for (RegionHealth h : byName) {
      if (h.reachable()) {
        reachable.add(h);
      } else {
        passed.add(
            h.region()
                + " is unreachable"
                + (h.lastError().isEmpty() ? "" : " (" + h.lastError() + ")"));
      }
    }
    reachable.sort(
        Comparator.comparing((RegionHealth h) -> !h.region().equals(request.homeRegion()))
            .thenComparingDouble(RegionHealth::rttMillis)
            .thenComparingDouble(h -> Math.max(0, h.load()))
            .thenComparing(RegionHealth::region));
    List<String> order = reachable.stream().map(RegionHealth::region).toList();
    if (!request.homeRegion().isEmpty()
        && regions.stream().noneMatch(h -> h.region().equals(request.homeRegion()))) {
      passed.add("home region " + request.homeRegion() + " is not a known region");
    }
    for (RegionHealth h : reachable) {
      if (h.local()) {
        Optional<NodeInfo> node =
            localNodes.stream()
                .filter(n -> n.status() == NodeStatus.ACTIVE)
                .filter(
                    n ->
                        request.capability().isEmpty()
                            || n.capabilities().contains(request.capability()))
                .min(
                    Comparator.comparingDouble((NodeInfo n) -> tasksPerCore(n, heldTasks))
                        .thenComparing(
                            Comparator.comparingInt((NodeInfo n) -> n.capacity().cpuCores())
                                .reversed())
                        .thenComparing(NodeInfo::nodeId));
        if (node.isEmpty()) {
          passed.add(
              h.region()
                  + " (this region) has no active node"
                  + (request.capability().isEmpty()
                      ? ""
                      : " with capability " + request.capability()));
          continue;
        }
        return new RouteChoice(
            h.region(),
            node.get().nodeId(),
            why(request, h, passed)
                + "; node "
                + node.get().nodeId()
                + " has "
                + (request.capability().isEmpty() ? "" : request.capability() + " and ")
                + node.get().capacity().cpuCores()
                + " cores holding "
                + heldTasks.getOrDefault(node.get().nodeId(), 0)
                + " task(s) (the fewest per core of the capable active nodes, then the most cores)",
            order);
      }
      return new RouteChoice(
          h.region(), "", why(request, h, passed) + "; that region picks the node", order);
    }
    throw new IllegalStateException(
        "no region can run it: "
            + (passed.isEmpty() ? "no regions measured yet" : String.join("; ", passed)));
  }

  private static double tasksPerCore(NodeInfo n, Map<String, Integer> heldTasks) {
    return heldTasks.getOrDefault(n.nodeId(), 0) / (double) Math.max(1, n.capacity().cpuCores());
  }

  private static String why(RouteRequest request, RegionHealth chosen, List<String> passed) {
    String first =
        chosen.region().equals(request.homeRegion())
            ? "region " + chosen.region() + " is the data's home"
            : "region "
                + chosen.region()
                + " is the nearest reachable ("
                + Math.round(chosen.rttMillis())
                + " ms round trip)";
    return passed.isEmpty() ? first : first + " after: " + String.join("; ", passed);
  }
}
