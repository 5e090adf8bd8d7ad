package io.swarmgrid.plugin.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.map.IMap;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.HttpConfig;
import io.swarmgrid.config.MonitoringConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.messaging.MessagingEngine;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.monitoring.AnomalyAlert;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Metric self-monitoring on three real members (CP, consensus with its default quorum, messaging,
 * HTTP on so the JVM's meters are bound, the default watched meters, a scan every 200 ms): steady
 * meters raise nothing; a backlog built in one member's inbox is seen by every member and raises
 * exactly one alert.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricSelfMonitoringTest {
  private static final int HTTP_BASE =
      Integer.getInteger("swarmgrid.test.httpPort", 18300) + 100 * EmbeddedCluster.FORK_INDEX;
  private static final int WARMUP = 10;
  private static final String BACKLOG = "swarmgrid.messaging.inbox.queued";

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .cpMembers(3)
          .keep(
              "swarm.nodes",
              "swarm.decisions",
              "swarm.proposals",
              "swarm.votes",
              "swarm.monitoring.metrics",
              "swarm.monitoring.open",
              "swarm.alerts")
          .configure((i, c) -> SwarmGrid.enable(c, config(i)));

  private static SwarmGridConfig config(int i) {
    return SwarmGridConfig.custom()
        .node(
            NodeConfig.custom()
                .id("member-" + i)
                .keyFile(tempDir().resolve("{node-id}.key").toString())
                .build())
        .engines(
            EnginesConfig.of(
                Set.of(EngineKind.CONSENSUS, EngineKind.MESSAGING, EngineKind.MONITORING)))
        .monitoring(
            MonitoringConfig.custom().scanMillis(200).metricWarmup(WARMUP).voteSeconds(20).build())
        .http(
            HttpConfig.custom()
                .enabled(true)
                .port(HTTP_BASE + 40 + i)
                .token("metric-monitoring-test-token")
                .build())
        .build();
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("swarmgrid-metric-monitoring");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MonitoringEngine monitor(int i) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> SwarmGrid.service(cluster.member(i), MonitoringEngine.class).isPresent());
    return SwarmGrid.service(cluster.member(i), MonitoringEngine.class).orElseThrow();
  }

  private static IMap<String, AnomalyAlert> alerts() {
    return cluster.member(0).getMap(SwarmMap.ALERTS.mapName());
  }

  /** Waits until every member has made {@code more} scans after the ones counted now. */
  private static void awaitScans(int more) {
    long[] from = IntStream.range(0, 3).mapToLong(i -> monitor(i).metricScans()).toArray();
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> IntStream.range(0, 3).allMatch(i -> monitor(i).metricScans() >= from[i] + more));
  }

  @Test
  @Order(1)
  void steadyMeters_raiseNothing() {
    awaitScans(WARMUP + 30);

    for (int i = 0; i < 3; i++) {
      assertThat(monitor(i).metricAnomalies()).as("member-%d's anomalies", i).isZero();
    }
    assertThat(alerts().size()).isZero();
    assertThat(
            cluster
                .member(0)
                .<String, Object>getMap(SwarmMap.MONITORING_METRICS.mapName())
                .keySet())
        .contains(
            "member-0 " + BACKLOG,
            "member-1 " + BACKLOG,
            "member-2 " + BACKLOG,
            "member-0 jvm.memory.used");
  }

  @Test
  @Order(2)
  void backlogInOneMembersInbox_raisesExactlyOneAlert() {
    awaitScans(WARMUP + 2);
    MessagingEngine sender =
        SwarmGrid.engines(cluster.member(1))
            .flatMap(e -> e.engine(MessagingEngine.class))
            .orElseThrow();
    // member-0 has no handler, so its inbox holds what is sent to it.
    for (int n = 0; n < 300; n++) {
      sender
          .messenger()
          .send(
              "member-0",
              MessageType.TASK_ASSIGNMENT,
              Priority.NORMAL,
              ("job " + n).getBytes(StandardCharsets.UTF_8));
    }

    await().atMost(Duration.ofSeconds(90)).until(() -> alerts().size() == 1);
    AnomalyAlert alert = alerts().values().iterator().next();
    assertThat(alert.key()).isEqualTo("metric:member_0:" + BACKLOG);
    assertThat(alert.example())
        .contains(BACKLOG, "on member-0")
        .containsPattern("on member-0: \\d+(\\.\\d+)? above its band");
    assertThat(alert.voters()).containsExactlyInAnyOrder("member-0", "member-1", "member-2");

    // The backlog stays; scans go on; no second alert.
    awaitScans(3 * WARMUP);
    assertThat(alerts().size()).isEqualTo(1);
    assertThat(monitor(0).alertsRaised() + monitor(1).alertsRaised() + monitor(2).alertsRaised())
        .isEqualTo(1);
  }
}
