package io.swarmgrid.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.StorageConfig;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceKind;
import io.swarmgrid.storage.evidence.EvidenceStore;
import io.swarmgrid.storage.evidence.SignedPayload;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.reputation.ReputationRule;
import io.swarmgrid.storage.reputation.ReputationStore;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Nothing acknowledged is evicted by size (issue 13): maps filled past what Hazelcast's per-node
 * size eviction allowed per partition keep every entry, also after a member dies; instead a writer
 * refuses new entries over the bound.
 */
class NoEvictionTest {
  static final int PER_MEMBER = 100;
  static final int ENTRIES = 250;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .configure(
              (i, c) ->
                  SwarmMaps.addTo(
                      c,
                      new StorageConfig(
                          1, 100_000, PER_MEMBER, 16 * 1024 * 1024, 10, 600, 86_400)));

  /** The maps that were bounded by least-recently-used eviction before. */
  static final List<SwarmMap> ONCE_EVICTED =
      List.of(
          SwarmMap.EVIDENCE,
          SwarmMap.INTERESTS,
          SwarmMap.PROPOSALS,
          SwarmMap.VOTES,
          SwarmMap.DECISIONS,
          SwarmMap.OUTCOMES,
          SwarmMap.TASKS,
          SwarmMap.AGENTS,
          SwarmMap.CONTENT,
          SwarmMap.MODELS,
          SwarmMap.BREAKERS);

  @Test
  void filledMaps_loseNothing_whenAMemberDies_andAFullEvidenceMapRefusesMore() {
    HazelcastInstance survivor = cluster.member(0);
    // Generic Compact values with the fields the maps' indexes read (status, deadline).
    Map<String, GenericRecord> entries =
        IntStream.range(0, ENTRIES)
            .mapToObj(i -> "entry-" + i)
            .collect(
                Collectors.toMap(
                    Function.identity(),
                    k ->
                        GenericRecordBuilder.compact("swarmgrid.test.Entry")
                            .setString("status", "OPEN")
                            .setInt64("deadline", 1L)
                            .setString("value", "value of " + k)
                            .build()));
    for (SwarmMap m : ONCE_EVICTED) {
      IMap<String, GenericRecord> map = survivor.getMap(m.mapName());
      map.putAll(entries);
      assertThat(map.size()).as(m.mapName() + " after the writes").isEqualTo(ENTRIES);
    }

    // Killed, not shut down: the backups are all that is left of its partitions.
    cluster.member(2).getLifecycleService().terminate();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> survivor.getCluster().getMembers().size() == 2);
    for (SwarmMap m : ONCE_EVICTED) {
      IMap<String, GenericRecord> map = survivor.getMap(m.mapName());
      assertThat(map.getAll(entries.keySet()))
          .as(m.mapName() + " after a member died")
          .isEqualTo(entries);
    }

    // 250 entries, limit 100 x 2 members: verified evidence is refused, not stored by evicting.
    NodeKeys honest = NodeKeys.generate();
    NodeKeys liar = NodeKeys.generate();
    NodeRegistry registry = new NodeRegistry(survivor);
    registry.register(node("honest", honest));
    registry.register(node("liar", liar));
    List<SignedPayload> votes =
        IntStream.of(0, 1)
            .mapToObj(c -> Vote.signed(liar, "p", "liar", c, 1.0, new double[0], 1))
            .map(v -> new SignedPayload("liar", v.signedBytes(), v.signature()))
            .toList();
    Evidence e = Evidence.sign(EvidenceKind.EQUIVOCATION, "liar", "p", votes, "honest", honest, 1);
    EvidenceStore store =
        new EvidenceStore(
            survivor,
            ReputationRule.DEFAULT,
            65_536,
            io.swarmgrid.storage.evidence.AgreedResults.NONE,
            PER_MEMBER);
    assertThatThrownBy(() -> store.submit(e, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "swarm.evidence: 250 entries held, the limit is 200",
            "storage.max-entries-per-member 100 x 2 members",
            "never evicted");
    assertThat(survivor.getMap(SwarmMap.EVIDENCE.mapName()).size()).isEqualTo(ENTRIES);
    assertThat(new ReputationStore(survivor).get("liar").evidenceCount()).isZero();
  }

  private static NodeInfo node(String id, NodeKeys keys) {
    return new NodeInfo(
        id,
        "eu",
        NodeTier.CLOUD,
        List.of(),
        new Capacity(1, 1, 0),
        keys.publicKey(),
        NodeStatus.ACTIVE,
        "",
        "",
        List.of(),
        "test",
        1,
        1);
  }
}
