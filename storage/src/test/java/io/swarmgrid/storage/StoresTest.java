package io.swarmgrid.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.checkpoint.Checkpoint;
import io.swarmgrid.storage.checkpoint.CheckpointInfo;
import io.swarmgrid.storage.checkpoint.CheckpointStore;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.interest.InterestStore;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.reputation.ReputationStore;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The typed stores on two real members, used from a member and from a client. */
class StoresTest {

  // The reputation test ships a lambda of this class to the members.
  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(2).allowJavaSerialized(StoresTest.class);

  private static NodeInfo node(String id) {
    return new NodeInfo(
        id,
        "eu",
        NodeTier.EDGE,
        List.of("gpu"),
        new Capacity(4, 1024, 1),
        NodeKeys.generate().publicKey(),
        NodeStatus.ACTIVE,
        "",
        "",
        List.of("consensus"),
        "test",
        1,
        1);
  }

  @Test
  void registry_registerHeartbeatAndMarkGone_areSeenFromAClient() {
    NodeRegistry onMember = new NodeRegistry(cluster.member(0));
    NodeRegistry onClient = new NodeRegistry(cluster.newClient());
    onMember.register(node("a"));
    onMember.register(node("b"));

    assertThat(onClient.heartbeat("a", 500)).isTrue();
    assertThat(onClient.heartbeat("nobody", 500)).isFalse();
    assertThat(onClient.markGone("b", 600, 60)).isTrue();

    assertThat(onMember.get("a").orElseThrow().lastSeen()).isEqualTo(500);
    assertThat(onMember.get("b").orElseThrow().status()).isEqualTo(NodeStatus.GONE);
    assertThat(onClient.active()).extracting(NodeInfo::nodeId).containsExactly("a");
    assertThat(onClient.all()).extracting(NodeInfo::nodeId).containsExactly("a", "b");
    assertThat(onClient.get("a").orElseThrow().capabilities()).containsExactly("gpu");
    assertThat(onMember.heartbeat("b", 700))
        .as("a gone node does not come back by heartbeat")
        .isFalse();
  }

  @Test
  void records_areReadableWithoutSwarmGridClasses_asGenericRecords() {
    new NodeRegistry(cluster.member(0)).register(node("generic"));
    // A client that has no SwarmGrid serializers, as a client in another language would be.
    ClientConfig plain = new ClientConfig().setClusterName(cluster.clusterName());
    plain.getNetworkConfig().setAddresses(cluster.clientConfig().getNetworkConfig().getAddresses());
    HazelcastInstance foreign = cluster.newClient(plain);
    Object value = foreign.getMap(SwarmMap.NODES.mapName()).get("generic");
    assertThat(value).isInstanceOf(GenericRecord.class);
    GenericRecord record = (GenericRecord) value;
    assertThat(record.getString("region")).isEqualTo("eu");
    assertThat(record.getString("tier")).isEqualTo("EDGE");
    assertThat(record.getArrayOfString("capabilities")).containsExactly("gpu");
    assertThat(record.getArrayOfInt8("publicKey")).hasSize(NodeKeys.PUBLIC_KEY_BYTES);
  }

  @Test
  void reputation_defaultsToNeutral_andUpdatesNextToTheEntry() {
    ReputationStore store = new ReputationStore(cluster.newClient());
    assertThat(store.get("x").score()).isEqualTo(Reputation.NEUTRAL);
    IntStream.range(0, 20)
        .parallel()
        .forEach(
            i ->
                store.update(
                    "x",
                    r ->
                        new Reputation(
                            r.nodeId(), r.score() * 0.9, r.successes(), r.failures() + 1, 0, 1)));
    Reputation r = store.get("x");
    assertThat(r.failures()).as("no concurrent update lost").isEqualTo(20);
    assertThat(r.score()).isCloseTo(Math.pow(0.9, 20), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(store.getAll(List.of("x", "y"))).containsKeys("x", "y");
    assertThatThrownBy(() -> new Reputation("x", 1.5, 0, 0, 0, 0))
        .hasMessageContaining("score: 1.5");
  }

  @Test
  void interests_declareAndWithdraw_badLevelChangesNothing() {
    InterestStore store = new InterestStore(cluster.member(1));
    store.declare("model-7", "a", 0.8);
    store.declare("model-7", "b", 0.3);
    assertThat(store.levels("model-7").level("a")).isEqualTo(0.8);
    assertThatThrownBy(() -> store.declare("model-7", "a", 1.7)).hasMessageContaining("level: 1.7");
    assertThat(store.levels("model-7").level("a")).isEqualTo(0.8);
    store.declare("model-7", "a", 0);
    assertThat(store.levels("model-7").levels()).containsOnlyKeys("b");
  }

  @Test
  void checkpoints_saveListRestore_pruneOldVersions() {
    CheckpointStore store = new CheckpointStore(cluster.newClient(), 1024, 3);
    for (int i = 1; i <= 5; i++) {
      store.save("agent-1", ("state " + i).getBytes(StandardCharsets.UTF_8));
    }
    assertThat(store.list("agent-1"))
        .extracting(CheckpointInfo::version)
        .containsExactly(3L, 4L, 5L);
    Checkpoint latest = store.restoreLatest("agent-1").orElseThrow();
    assertThat(new String(latest.data(), StandardCharsets.UTF_8)).isEqualTo("state 5");
    assertThat(new String(store.restore("agent-1", 3).data(), StandardCharsets.UTF_8))
        .isEqualTo("state 3");
    assertThat(latest.sha256())
        .isEqualTo(CheckpointStore.sha256("state 5".getBytes(StandardCharsets.UTF_8)));
    assertThat(store.restoreLatest("nobody")).isEmpty();
  }

  @Test
  void checkpoints_badInput_isRefused_andChangesNothing() {
    CheckpointStore store = new CheckpointStore(cluster.member(0), 16, 3);
    store.save("m", new byte[4]);
    assertThatThrownBy(() -> store.save("m", new byte[17]))
        .hasMessageContaining("17 bytes")
        .hasMessageContaining("storage.checkpoint-max-bytes=16");
    assertThatThrownBy(() -> store.restore("m", 9))
        .hasMessageContaining("version: 9")
        .hasMessageContaining("[1]");
    assertThat(store.list("m")).hasSize(1);
  }

  @Test
  void catalogue_everyMapHasBackups_andReplicatedMapsKeepAJournal() {
    var configs = SwarmMaps.mapConfigs(io.swarmgrid.config.StorageConfig.DEFAULTS);
    assertThat(configs).hasSize(SwarmMap.values().length);
    for (SwarmMap map : SwarmMap.values()) {
      var c = SwarmMaps.mapConfig(map, io.swarmgrid.config.StorageConfig.DEFAULTS);
      assertThat(c.getBackupCount()).as(map.mapName()).isGreaterThanOrEqualTo(1);
      assertThat(c.getEventJournalConfig().isEnabled())
          .as(map.mapName())
          .isEqualTo(map.replicated());
    }
    // No map evicts by size: that would drop acknowledged entries (issue 13, NoEvictionTest).
    for (SwarmMap map : SwarmMap.values()) {
      assertThat(
              cluster
                  .member(0)
                  .getConfig()
                  .getMapConfig(map.mapName())
                  .getEvictionConfig()
                  .getEvictionPolicy())
          .as(map.mapName())
          .isEqualTo(com.hazelcast.config.EvictionPolicy.NONE);
    }
  }
}
