package io.swarmgrid.storage.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registry transitions are conditional and keys have one length (issue 13). */
class NodeRegistryRaceTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  private static NodeInfo node(String id, byte[] key, String memberUuid, long registeredAt) {
    return new NodeInfo(
        id,
        "eu",
        NodeTier.CLOUD,
        List.of(),
        new Capacity(1, 1, 0),
        key,
        NodeStatus.ACTIVE,
        memberUuid,
        "",
        List.of(),
        "test",
        registeredAt,
        registeredAt);
  }

  @Test
  void markingALostMembersNodeGone_keepsTheRecordOfItsRestart() {
    NodeRegistry registry = new NodeRegistry(cluster.newClient());
    byte[] key = NodeKeys.generate().publicKey();
    registry.register(node("member-a", key, "uuid-before", 10));
    NodeInfo lost = registry.get("member-a").orElseThrow();
    // The member restarts (new UUID, same node id) before the survivors mark the old one gone.
    registry.register(node("member-a", key, "uuid-after", 20));

    assertThat(registry.markGoneIf(lost, 30, 60)).isFalse();
    NodeInfo now = registry.get("member-a").orElseThrow();
    assertThat(now.active()).isTrue();
    assertThat(now.memberUuid()).isEqualTo("uuid-after");

    assertThat(registry.markGoneIf(now, 40, 60)).isTrue();
    assertThat(registry.get("member-a").orElseThrow().active()).isFalse();
    assertThat(registry.markGone("nobody", 40, 60)).isFalse();
  }

  @Test
  void publicKeyOfAnotherLength_isRefusedNamingTheNode() {
    assertThatThrownBy(() -> node("short-key", new byte[31], "", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("publicKey: 31 bytes for node 'short-key', must be 32");
    assertThatThrownBy(() -> node("long-key", new byte[33], "", 1))
        .hasMessageContaining("publicKey: 33 bytes");
  }
}
