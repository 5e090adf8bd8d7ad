package io.swarmgrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmgrid.client.region.LinkStatus;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.RegionsConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.region.RouteChoice;
import io.swarmgrid.tasks.region.RouteRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SwarmClient.regions() against two regions, each a cluster of its own in this JVM. */
class RegionsClientTest {
  private static final String MAP = "client.items";
  private static final int EU_PORT = EmbeddedCluster.BASE_PORT + 100;
  private static final int US_PORT = EmbeddedCluster.BASE_PORT + 150;

  @TempDir Path keys;

  SwarmGridConfig config(String region, String peer, String peerCluster, int peerPort) {
    return SwarmGridConfig.custom()
        .node(
            NodeConfig.custom()
                .id("c-" + region)
                .region(region)
                .capability("gpu")
                .keyFile(keys.resolve("{node-id}.key").toString())
                .build())
        .engines(EnginesConfig.of(EnumSet.of(EngineKind.REGION)))
        .regions(
            RegionsConfig.custom()
                .peer(
                    peer,
                    new RegionsConfig.RegionPeer(peerCluster, List.of("127.0.0.1:" + peerPort)))
                .map(MAP, new RegionsConfig.ReplicatedMap(List.of(), null, ""))
                .retryInitialMillis(100)
                .retryMaxMillis(1000)
                .statusIntervalMillis(200)
                .snapshotIntervalMillis(500)
                .build())
        .build();
  }

  @Test
  void regions_reportLinkStatusHealthAndRouteChoice() {
    try (LocalCluster eu =
            LocalCluster.start(
                "client-eu", EU_PORT, 1, i -> config("eu", "us", "client-us", US_PORT));
        LocalCluster us =
            LocalCluster.start(
                "client-us", US_PORT, 1, i -> config("us", "eu", "client-eu", EU_PORT));
        SwarmClient client =
            SwarmClient.connect(
                SwarmClientConfig.of("client-eu", eu.addresses().toArray(String[]::new)))) {
      client.hazelcast().<String, String>getMap(MAP).set("k", "v");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> "v".equals(us.members().get(0).getMap(MAP).get("k")));
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                LinkStatus link = client.regions().replication(MAP, "us").orElseThrow();
                assertThat(link.source()).isEqualTo("eu");
                assertThat(link.state()).isEqualTo("running");
                assertThat(link.shipped()).isGreaterThanOrEqualTo(1);
                assertThat(link.members()).hasSize(1);
              });
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  client.regions().health().size() == 2
                      && client.regions().health().stream().allMatch(h -> h.reachable()));
      RouteChoice local = client.regions().route(new RouteRequest("gpu", ""));
      assertThat(local.region()).isEqualTo("eu");
      assertThat(local.nodeId()).isEqualTo("c-eu");
      RouteChoice home = client.regions().route(new RouteRequest("", "us"));
      assertThat(home.region()).isEqualTo("us");
      assertThat(home.reason()).contains("home");
    }
  }
}
