package io.swarmgrid.deploy.demo;

import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.DiffusionConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.FaultConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.RegionsConfig;
import io.swarmgrid.config.SwarmGridConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The configs of the demo's members: three nodes in one cluster, and the two one-member regions.
 */
final class DemoConfigs {
  static final String REGION_MAP = "demo.models";
  static final NodeTier[] TIERS = {NodeTier.CLOUD, NodeTier.EDGE_SERVER, NodeTier.EDGE};
  static final String[] REGIONS = {"eu-west", "eu-west", "us-east"};

  private DemoConfigs() {}

  static SwarmGridConfig node(int i) {
    return SwarmGridConfig.builder()
        .node(
            NodeConfig.builder()
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
                    EngineKind.BALANCE)))
        .fault(fault())
        .diffusion(DiffusionConfig.builder().virtualNodes(3).chunkBytes(64 * 1024).build())
        .build();
  }

  // The defaults, with a 1 s grace period so that the demo's stopped member's work moves quickly.
  private static FaultConfig fault() {
    FaultConfig f = FaultConfig.DEFAULTS;
    return new FaultConfig(
        f.quarantineThreshold(),
        f.releasePolicy(),
        f.releaseThreshold(),
        f.reputation(),
        f.maxEvidenceMaterialBytes(),
        1,
        f.maxRecoveryEvents(),
        f.breakerDefaults(),
        f.breakers(),
        f.maxWorkItems());
  }

  static SwarmGridConfig region(String region, String peer, String peerCluster, int peerPort) {
    return SwarmGridConfig.builder()
        .node(
            NodeConfig.builder()
                .id("demo-" + region)
                .region(region)
                .keyFile(".swarmgrid/demo-keys/{node-id}.key")
                .build())
        .engines(EnginesConfig.of(EnumSet.of(EngineKind.REGION)))
        .regions(
            new RegionsConfig(
                Map.of(
                    peer,
                    new RegionsConfig.RegionPeer(peerCluster, List.of("127.0.0.1:" + peerPort))),
                Map.of(REGION_MAP, new RegionsConfig.ReplicatedMap(List.of(), "latest-update", "")),
                List.of(),
                "latest-update",
                200,
                5000,
                500,
                60_000,
                86_400,
                1000))
        .build();
  }
}
