package io.swarmgrid.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmgrid.client.ClientNode;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded member jar as separate processes, started from the example YAML exactly as a user
 * would start it: SwarmGrid members register, a consensus round is decided across them, a plain
 * member does not register, a stopped member's node is marked gone, and so is a killed one's.
 */
class MemberProcessIT {
  private static final Path EXAMPLES =
      Path.of(System.getProperty("swarmgrid.examples", "examples")).resolve("loopback-3");

  @TempDir Path work;

  private MemberProcesses processes;

  @BeforeEach
  void processes() {
    processes = new MemberProcesses(work);
  }

  @AfterEach
  void killAll() throws InterruptedException {
    processes.close();
  }

  private static NodeStatus statusOf(SwarmClient client, String nodeId) {
    return client.node(nodeId).map(NodeInfo::status).orElse(null);
  }

  private Process member(String name, String hazelcastYaml, String swarmgridYaml)
      throws IOException {
    return processes.start(
        name,
        EXAMPLES.resolve(hazelcastYaml),
        swarmgridYaml == null ? null : EXAMPLES.resolve(swarmgridYaml));
  }

  @Test
  void separateProcesses_register_plainMemberDoesNot_stoppedAndKilledAreMarkedGone()
      throws Exception {
    Process m1 = member("member-1", "hazelcast.yaml", "swarmgrid-1.yaml");
    Process m2 = member("member-2", "hazelcast.yaml", "swarmgrid-2.yaml");
    Process m3 = member("member-3", "hazelcast.yaml", "swarmgrid-3.yaml");
    SwarmClientConfig clientConfig =
        new SwarmClientConfig(
            "swarmgrid", List.of("127.0.0.1:5701", "127.0.0.1:5702", "127.0.0.1:5703"), 120_000);
    try (SwarmClient client = SwarmClient.connect(clientConfig)) {
      try {
        await().atMost(Duration.ofMinutes(2)).until(() -> client.activeNodes().size() == 3);
      } catch (RuntimeException e) {
        throw new AssertionError("nodes did not register: " + client.nodes() + processes.logs(), e);
      }
      assertThat(client.activeNodes())
          .extracting(NodeInfo::nodeId)
          .containsExactly("loopback-1", "loopback-2", "loopback-3");
      assertThat(client.node("loopback-3").orElseThrow().tier().yamlName()).isEqualTo("edge");
      assertThat(Files.exists(work.resolve(".swarmgrid/keys/loopback-1.key"))).isTrue();

      // A consensus round across the processes: client nodes vote, the members commit through Raft.
      await().atMost(Duration.ofMinutes(1)).until(() -> client.status().cpMembers().size() == 3);
      List<ClientNode> voters = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        voters.add(
            client.joinAsNode(
                "process-voter-" + i, NodeKeys.generate(), "eu-west", NodeTier.EDGE, List.of()));
      }
      Proposal p =
          client
              .consensus()
              .propose(
                  ProposalRequest.builder("process-voter-0", DecisionType.CONFIGURATION_CHANGE)
                      .electorate(voters.stream().map(ClientNode::nodeId).toList())
                      .build());
      for (ClientNode v : voters) {
        client.consensus().vote(v, p.id(), Proposal.APPROVE, 1.0);
      }
      Decision d = client.consensus().awaitDecision(p.id()).get(60, TimeUnit.SECONDS);
      assertThat(d.end()).isEqualTo(DecisionEnd.QUORUM);
      assertThat(d.voters()).hasSize(3);

      member("plain", "hazelcast-plain.yaml", null);
      await().atMost(Duration.ofMinutes(2)).until(() -> client.status().members().size() == 4);
      assertThat(client.nodes().stream().filter(n -> n.nodeId().startsWith("loopback-")))
          .as("a plain member registers no node")
          .hasSize(3);

      m2.destroy(); // SIGTERM: graceful shutdown, the member marks its own node gone
      assertThat(m2.waitFor(60, TimeUnit.SECONDS)).isTrue();
      await()
          .atMost(Duration.ofMinutes(1))
          .until(() -> statusOf(client, "loopback-2") == NodeStatus.GONE);

      m3.destroyForcibly(); // SIGKILL: the survivors notice and mark its node gone
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> statusOf(client, "loopback-3") == NodeStatus.GONE);
      assertThat(statusOf(client, "loopback-1")).isEqualTo(NodeStatus.ACTIVE);
      assertThat(m1.isAlive()).isTrue();
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(e.getMessage() + processes.logs(), e);
    }
  }
}
