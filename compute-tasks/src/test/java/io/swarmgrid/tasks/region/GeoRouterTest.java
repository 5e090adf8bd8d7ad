package io.swarmgrid.tasks.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.region.RegionHealth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GeoRouterTest {
  private static final RegionHealth EU = new RegionHealth("eu", true, true, 0, 0.5, "", 1);
  private static final RegionHealth US = new RegionHealth("us", false, true, 80, -1, "", 1);
  private static final RegionHealth AP = new RegionHealth("ap", false, true, 20, -1, "", 1);
  private static final RegionHealth AP_DOWN =
      new RegionHealth("ap", false, false, 0, -1, "TimeoutException: 2000 ms", 1);

  static NodeInfo node(String id, int cores, NodeStatus status, String... caps) {
    return new NodeInfo(
        id,
        "eu",
        NodeTier.CLOUD,
        List.of(caps),
        new Capacity(cores, 0, 0),
        new byte[32],
        status,
        "",
        "",
        List.of(),
        "",
        0,
        0);
  }

  @Test
  void route_prefersHomeRegion_evenWhenFarther() {
    RouteChoice c =
        GeoRouter.choose(
            new RouteRequest("", "us"),
            List.of(EU, US, AP),
            List.of(node("n1", 4, NodeStatus.ACTIVE)));
    assertThat(c.region()).isEqualTo("us");
    assertThat(c.nodeId()).isEmpty();
    assertThat(c.reason()).contains("home");
  }

  @Test
  void route_homeDown_fallsBackToNearestReachable_andSaysWhy() {
    RouteChoice c = GeoRouter.choose(new RouteRequest("", "ap"), List.of(US, AP_DOWN), List.of());
    assertThat(c.region()).isEqualTo("us");
    assertThat(c.reason()).contains("ap is unreachable", "TimeoutException", "nearest");
  }

  @Test
  void route_localRegion_picksCapableActiveNodeWithMostCores() {
    List<NodeInfo> nodes =
        List.of(
            node("a", 16, NodeStatus.ACTIVE),
            node("b", 8, NodeStatus.ACTIVE, "gpu"),
            node("c", 32, NodeStatus.GONE, "gpu"),
            node("d", 4, NodeStatus.ACTIVE, "gpu"));
    RouteChoice c = GeoRouter.choose(new RouteRequest("gpu", ""), List.of(EU, US), nodes);
    assertThat(c.region()).isEqualTo("eu");
    assertThat(c.nodeId()).isEqualTo("b");
    assertThat(c.reason()).contains("gpu", "8 cores");
  }

  @Test
  void route_localRegion_prefersTheCapableNodeWithFewestTasksPerCore() {
    List<NodeInfo> nodes =
        List.of(
            node("b", 8, NodeStatus.ACTIVE, "gpu"),
            node("d", 4, NodeStatus.ACTIVE, "gpu"),
            node("e", 2, NodeStatus.ACTIVE, "gpu"));
    // b holds 16 tasks on 8 cores (2 per core), d 4 on 4 (1 per core), e 1 on 2 (0.5 per core).
    RouteChoice c =
        GeoRouter.choose(
            new RouteRequest("gpu", ""), List.of(EU, US), nodes, Map.of("b", 16, "d", 4, "e", 1));
    assertThat(c.nodeId()).isEqualTo("e");
    assertThat(c.reason()).contains("2 cores holding 1 task(s)", "fewest per core");
    // Equal load per core: the most cores win.
    RouteChoice idle =
        GeoRouter.choose(new RouteRequest("gpu", ""), List.of(EU, US), nodes, Map.of());
    assertThat(idle.nodeId()).isEqualTo("b");
  }

  @Test
  void route_noCapableLocalNode_goesToNextRegion() {
    RouteChoice c =
        GeoRouter.choose(
            new RouteRequest("gpu", ""),
            List.of(EU, US, AP),
            List.of(node("a", 16, NodeStatus.ACTIVE)));
    assertThat(c.region()).isEqualTo("ap");
    assertThat(c.reason()).contains("no active node with capability gpu");
  }

  @Test
  void route_nothingReachable_isAClearError() {
    assertThatThrownBy(
            () -> GeoRouter.choose(new RouteRequest("", ""), List.of(AP_DOWN), List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ap is unreachable");
  }

  @Test
  void route_isDeterministic_andNeverPicksAnUnreachableRegion_seededCases() {
    Random random = new Random(42);
    for (int round = 0; round < 500; round++) {
      List<RegionHealth> regions = new ArrayList<>();
      regions.add(new RegionHealth("r0", true, true, 0, random.nextDouble(), "", 1));
      for (int i = 1; i < 5; i++) {
        regions.add(
            new RegionHealth("r" + i, false, random.nextBoolean(), random.nextInt(200), -1, "", 1));
      }
      List<NodeInfo> nodes = new ArrayList<>();
      for (int i = 0; i < random.nextInt(4); i++) {
        nodes.add(
            node(
                "n" + i,
                1 + random.nextInt(16),
                random.nextBoolean() ? NodeStatus.ACTIVE : NodeStatus.GONE,
                random.nextBoolean() ? "gpu" : "cpu"));
      }
      RouteRequest req =
          new RouteRequest(
              random.nextBoolean() ? "gpu" : "",
              random.nextBoolean() ? "r" + random.nextInt(5) : "");
      List<RegionHealth> shuffled = new ArrayList<>(regions);
      Collections.shuffle(shuffled, random);
      RouteChoice c;
      try {
        c = GeoRouter.choose(req, regions, nodes);
      } catch (IllegalStateException none) {
        // Only when every region is down or passed over: this region lacks a capable node and no
        // other answers.
        assertThat(regions.stream().skip(1).noneMatch(RegionHealth::reachable)).isTrue();
        assertThatThrownBy(() -> GeoRouter.choose(req, shuffled, nodes))
            .hasMessage(none.getMessage());
        continue;
      }
      assertThat(GeoRouter.choose(req, shuffled, nodes)).isEqualTo(c);
      assertThat(
              regions.stream()
                  .filter(h -> h.region().equals(c.region()))
                  .findFirst()
                  .orElseThrow()
                  .reachable())
          .isTrue();
      if (!c.nodeId().isEmpty()) {
        NodeInfo chosen =
            nodes.stream().filter(n -> n.nodeId().equals(c.nodeId())).findFirst().orElseThrow();
        assertThat(chosen.status()).isEqualTo(NodeStatus.ACTIVE);
        if (!req.capability().isEmpty()) {
          assertThat(chosen.capabilities()).contains(req.capability());
        }
      }
    }
  }
}
