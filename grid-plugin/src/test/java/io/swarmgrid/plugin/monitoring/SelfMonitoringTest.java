package io.swarmgrid.plugin.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.map.IMap;
import io.swarmgrid.config.ConsensusConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.MonitoringConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.consensus.ConsensusEngine;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.monitoring.AnomalyAlert;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Self-monitoring on three real members (CP on, consensus on, quorum: more than half the weight):
 * each member tails its own log file; an anomaly one member sees raises nothing, the same anomaly
 * seen by two raises one alert.
 */
class SelfMonitoringTest {
  private static final Path LOGS = tempDir();

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .cpMembers(3)
          .keep("swarm.nodes", "swarm.decisions")
          .configure((i, c) -> SwarmGrid.enable(c, config(i)));

  private static SwarmGridConfig config(int i) {
    Path keys = LOGS.resolve("keys");
    return SwarmGridConfig.custom()
        .node(
            NodeConfig.custom()
                .id("member-" + i)
                .keyFile(keys.resolve("{node-id}.key").toString())
                .build())
        .engines(EnginesConfig.of(Set.of(EngineKind.CONSENSUS, EngineKind.MONITORING)))
        .consensus(ConsensusConfig.custom().quorumFraction(0.5).build())
        .monitoring(
            MonitoringConfig.custom()
                .logFile(LOGS.resolve("{node-id}.log").toString())
                // the test scans by hand
                .scanMillis(3_600_000)
                .voteSeconds(10)
                .build())
        .build();
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("swarmgrid-monitoring");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MonitoringEngine monitor(int i) {
    return SwarmGrid.service(cluster.member(i), MonitoringEngine.class).orElseThrow();
  }

  private static Decision decisionOf(String proposalId) throws Exception {
    return SwarmGrid.service(cluster.member(2), ConsensusEngine.class)
        .orElseThrow()
        .awaitDecision(proposalId)
        .get(60, TimeUnit.SECONDS);
  }

  private static void log(int member, String line) throws IOException {
    Files.writeString(
        LOGS.resolve("member-" + member + ".log"),
        line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private static IMap<String, AnomalyAlert> alerts() {
    return cluster.member(0).getMap(SwarmMap.ALERTS.mapName());
  }

  @Test
  void anomalySeenByOneMember_raisesNothing() throws Exception {
    log(0, "[main] INFO io.app.Store - volume 7 mounted");
    log(0, "[io-3] ERROR io.app.Store - write failed on volume 7: I/O error");
    List<String> voted = monitor(0).scanNow();
    assertThat(voted).hasSize(1);
    assertThat(monitor(1).scanNow()).isEmpty();
    assertThat(monitor(2).scanNow()).isEmpty();

    Decision decision = decisionOf(voted.get(0));

    // A failure here once (1 in 37 runs, 121 s): a decision without voters. Print it whole.
    assertThat(decision.approved()).as("%s", decision).isFalse();
    assertThat(decision.voters()).as("%s", decision).containsExactly("member-0");
    assertThat(alerts().containsKey(voted.get(0))).isFalse();
    assertThat(alerts().size()).isZero();
  }

  @Test
  void anomalySeenByAQuorum_raisesOneAlert() throws Exception {
    log(
        0,
        "15:02:11.402 [io-1] ERROR io.app.Raft - append to peer 10.0.0.4:5701 timed out after 3000 ms");
    log(
        1,
        "15:02:12.977 [io-9] ERROR io.app.Raft - append to peer 10.0.0.7:5701 timed out after 2950 ms");
    log(2, "[main] INFO io.app.Raft - leader is 10.0.0.4:5701");
    List<String> first = monitor(0).scanNow();
    List<String> second = monitor(1).scanNow();
    assertThat(monitor(2).scanNow()).isEmpty();
    assertThat(first).hasSize(1).isEqualTo(second);

    assertThat(decisionOf(first.get(0)).approved()).isTrue();

    await().atMost(Duration.ofSeconds(30)).until(() -> alerts().containsKey(first.get(0)));
    AnomalyAlert alert = alerts().get(first.get(0));
    assertThat(alert.voters()).containsExactlyInAnyOrder("member-0", "member-1");
    assertThat(alert.example()).contains("timed out");
    assertThat(alerts().size()).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                monitor(0).alertsRaised() + monitor(1).alertsRaised() + monitor(2).alertsRaised()
                    == 1);
  }
}
