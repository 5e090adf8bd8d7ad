package io.swarmgrid.deploy.demo;

import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.DiffusionConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.FaultConfig;
import io.swarmgrid.config.HttpConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.PropagationConfig;
import io.swarmgrid.config.RegionsConfig;
import io.swarmgrid.config.SwarmConfig;
import io.swarmgrid.config.SwarmGridConfig;
import java.util.EnumSet;
import java.util.List;

/**
 * The configs of the demo's members: three nodes in one cluster, and the two one-member regions.
 */
final class DemoConfigs {
  static final String REGION_MAP = "demo.models";
  static final NodeTier[] TIERS = {NodeTier.CLOUD, NodeTier.EDGE_SERVER, NodeTier.EDGE};
  static final String[] REGIONS = {"eu-west", "eu-west", "us-east"};

  /**
   * The token of the members' HTTP API and dashboard: new each run, printed with the dashboard's
   * address.
   */
  static final String HTTP_TOKEN = newToken();

  private DemoConfigs() {}

  private static String newToken() {
    byte[] bytes = new byte[18];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  // Any free port: demos and tests on other base ports run side by side; the demo prints it.
  private static HttpConfig http() {
    return HttpConfig.custom().enabled(true).port(0).token(HTTP_TOKEN).build();
  }

  static SwarmGridConfig node(int i) {
    return SwarmGridConfig.custom()
        .node(
            NodeConfig.custom()
                .id("demo-" + i)
                .region(REGIONS[i - 1])
                .tier(TIERS[i - 1])
                .capability(i == 1 ? "tribuo" : "logs")
                .capacity(new Capacity(2, 512L * i, 0))
                .keyFile(".swarmgrid/demo-keys/{node-id}.key")
                .build())
        .engines(
            EnginesConfig.of(
                EnumSet.of(
                    EngineKind.CONSENSUS,
                    EngineKind.FAULT,
                    EngineKind.MESSAGING,
                    EngineKind.DIFFUSION,
                    EngineKind.BALANCE,
                    EngineKind.LEARNING,
                    EngineKind.SWARM,
                    EngineKind.PROPAGATION)))
        .swarm(swarm())
        .fault(fault())
        .diffusion(DiffusionConfig.custom().virtualNodes(3).chunkBytes(64 * 1024).build())
        .http(http())
        .propagation(propagation())
        .build();
  }

  // Edge nodes get the smallest budget that carries a 4 KB update: the demo's edge subscriber
  // cannot take every weight update.
  private static PropagationConfig propagation() {
    return PropagationConfig.custom()
        .maxPayloadBytes(4096)
        .edgeBudget(PropagationConfig.minimumBudget(4096))
        .build();
  }

  /** A fourth member for the swarm section, which kills it: it runs the swarm engine only. */
  static SwarmGridConfig swarmMember() {
    return SwarmGridConfig.custom()
        .node(
            NodeConfig.custom()
                .id("demo-4")
                .region(REGIONS[0])
                .tier(NodeTier.EDGE_SERVER)
                .keyFile(".swarmgrid/demo-keys/{node-id}.key")
                .build())
        .engines(EnginesConfig.of(EnumSet.of(EngineKind.SWARM)))
        .swarm(swarm())
        .build();
  }

  // 20 ms ticks: a colony iterates 50 times a second, so the demo's run is short.
  private static SwarmConfig swarm() {
    return SwarmConfig.custom().tickMillis(20).build();
  }

  // The defaults, with a 1 s grace period so that the demo's stopped member's work moves quickly.
  private static FaultConfig fault() {
    return FaultConfig.custom().recoveryGraceSeconds(1).build();
  }

  static SwarmGridConfig region(String region, String peer, String peerCluster, int peerPort) {
    return SwarmGridConfig.custom()
        .node(
            NodeConfig.custom()
                .id("demo-" + region)
                .region(region)
                .keyFile(".swarmgrid/demo-keys/{node-id}.key")
                .build())
        .engines(EnginesConfig.of(EnumSet.of(EngineKind.REGION)))
        .regions(
            RegionsConfig.custom()
                .peer(
                    peer,
                    new RegionsConfig.RegionPeer(peerCluster, List.of("127.0.0.1:" + peerPort)))
                .map(REGION_MAP, new RegionsConfig.ReplicatedMap(List.of(), "latest-update", ""))
                .defaultPolicy("latest-update")
                .retryInitialMillis(200)
                .retryMaxMillis(5000)
                .statusIntervalMillis(500)
                .build())
        .build();
  }
}
