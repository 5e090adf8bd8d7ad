package io.swarmgrid.plugin.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.swarm.AgentState;
import io.swarmgrid.storage.swarm.AgentStatus;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.swarm.AgentSpec;
import io.swarmgrid.tasks.swarm.SwarmAgents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents stepped by the members that own them, while a member joins (partitions migrate) and one is
 * killed: none lost, none stepped twice in a tick (each step writes its tick into the agent's
 * memory, so a second step in a tick would show as a repeated or decreasing tick).
 */
class AgentFailoverTest {
  @TempDir static Path keys;

  static final int AGENTS = 60;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .keep("swarm.nodes")
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("s" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.SWARM)))
                          .build()));

  // Generous bounds: under a full parallel build a tick can take seconds. Conditions, not sleeps.
  static final Duration READY = Duration.ofSeconds(120);
  static final Duration PROGRESS = Duration.ofSeconds(180);

  // The agent type `recorder` (RecorderType) is a service, so a member that joins has it before it
  // steps anything; registering it after the engine was up once let a joining member mark agents
  // FAILED (type not registered), and the wait for their steps then timed out.
  private static void readyOn(HazelcastInstance member) {
    await()
        .atMost(READY)
        .until(() -> SwarmGrid.service(member, SwarmAgentEngine.class).isPresent());
    assertThat(SwarmGrid.service(member, SwarmAgentEngine.class).orElseThrow().host().types())
        .contains(RecorderType.NAME);
  }

  private static ConditionFactory waiting() {
    return await().atMost(PROGRESS).pollInterval(Duration.ofMillis(500)).ignoreExceptions();
  }

  @Test
  void agentsSurviveMigrationAndAMemberKill_noneLost_noneSteppedTwicePerTick() {
    for (int i = 0; i < 3; i++) {
      readyOn(cluster.member(i));
    }
    SwarmAgents agents = new SwarmAgents(cluster.newClient());
    for (int i = 0; i < AGENTS; i++) {
      agents.add(AgentSpec.of("a" + i, "recorder").onData("data-" + i).withMemoryLimit(10_000));
    }
    awaitEveryAgentStepped(agents, 5);

    HazelcastInstance joined = cluster.startMember();
    readyOn(joined);
    long before = minSteps(agents);
    awaitEveryAgentStepped(agents, before + 5);

    cluster.member(1).getLifecycleService().terminate();
    before = minSteps(agents);
    awaitEveryAgentStepped(agents, before + 5);

    List<AgentState> all = agents.list();
    assertThat(all).hasSize(AGENTS);
    for (AgentState a : all) {
      assertThat(a.status()).as(a.agentId()).isEqualTo(AgentStatus.ACTIVE);
      List<Long> ticks = a.memory().stream().map(Long::parseLong).toList();
      assertThat(ticks).as(a.agentId() + " ticks").isSortedAccordingTo(Long::compare);
      Set<Long> distinct = new HashSet<>(ticks);
      assertThat(distinct).as(a.agentId() + " stepped once per tick").hasSize(ticks.size());
      assertThat(a.steps()).as(a.agentId() + " steps = ticks recorded").isEqualTo(ticks.size());
      assertThat(a.tick()).isEqualTo(ticks.get(ticks.size() - 1));
    }
  }

  @Test
  void unknownType_isRefused_pauseStopsSteps_removeRemoves() {
    for (int i = 0; i < cluster.members().size(); i++) {
      if (cluster.member(i).getLifecycleService().isRunning()) {
        readyOn(cluster.member(i));
      }
    }
    SwarmAgents agents = new SwarmAgents(cluster.newClient());
    assertThatThrownBy(() -> agents.add(AgentSpec.of("x", "no-such-type").onData("k")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agent type: 'no-such-type' is not registered")
        .hasMessageContaining("counter");
    assertThat(agents.size()).isZero();

    AgentState added = agents.add(AgentSpec.of("p", "recorder").onData("k").withData("d"));
    assertThat(added.agentId()).isEqualTo("p@k");
    assertThatThrownBy(() -> agents.add(AgentSpec.of("p", "recorder").onData("k")))
        .hasMessageContaining("agentId: 'p@k' exists");
    agents.add(AgentSpec.of("q", "recorder").onData("k2"));
    waiting().until(() -> agents.get("p@k").orElseThrow().steps() >= 2);
    assertThat(agents.pause("p@k")).isTrue();
    long paused = agents.get("p@k").orElseThrow().steps();
    long other = agents.get("q@k2").orElseThrow().steps();
    waiting().until(() -> agents.get("q@k2").orElseThrow().steps() >= other + 3);
    assertThat(agents.get("p@k").orElseThrow().steps()).isEqualTo(paused);
    assertThat(agents.get("p@k").orElseThrow().status()).isEqualTo(AgentStatus.PAUSED);

    assertThat(agents.remove("p@k")).isTrue();
    assertThat(agents.remove("p@k")).isFalse();
    assertThat(agents.get("p@k")).isEmpty();
  }

  @Test
  void changingTheTickPeriod_keepsAgentsStepping() {
    List<SwarmAgentEngine> engines =
        cluster.members().stream()
            .filter(m -> m.getLifecycleService().isRunning())
            .peek(AgentFailoverTest::readyOn)
            .map(m -> SwarmGrid.service(m, SwarmAgentEngine.class).orElseThrow())
            .toList();
    SwarmAgents agents = new SwarmAgents(cluster.newClient());
    agents.add(AgentSpec.of("t", "recorder").onData("tk").withMemoryLimit(10_000));
    try {
      engines.forEach(e -> e.tickMillis(1));
      waiting().until(() -> agents.get("t@tk").orElseThrow().steps() >= 5);
      // Tick numbers once fell when the period grew (time / period), and agents stopped for good.
      engines.forEach(e -> e.tickMillis(50));
      long before = agents.get("t@tk").orElseThrow().steps();
      waiting().until(() -> agents.get("t@tk").orElseThrow().steps() >= before + 3);
    } finally {
      engines.forEach(e -> e.tickMillis(SwarmAgentEngine.DEFAULT_TICK_MILLIS));
    }
  }

  private static long minSteps(SwarmAgents agents) {
    return agents.list().stream().mapToLong(AgentState::steps).min().orElse(0);
  }

  private static void awaitEveryAgentStepped(SwarmAgents agents, long steps) {
    waiting().until(() -> agents.size() == AGENTS && minSteps(agents) >= steps);
  }
}
