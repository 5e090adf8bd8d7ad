package io.swarmgrid.plugin.propagation;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.Partition;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.PropagationConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Messenger;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.PropagationCalls;
import io.swarmgrid.storage.propagation.StateSubscriber;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;

/** Members, nodes and subscribers for the propagation tests. */
final class PropagationTestSupport {
  private PropagationTestSupport() {}

  static SwarmGridConfig member(String id, Path keyDir, PropagationConfig propagation) {
    return SwarmGridConfig.custom()
        .node(
            NodeConfig.custom().id(id).keyFile(keyDir.resolve("{node-id}.key").toString()).build())
        .engines(EnginesConfig.of(Set.of(EngineKind.MESSAGING, EngineKind.PROPAGATION)))
        .propagation(propagation)
        .build();
  }

  /**
   * {@link #member} for a test that checks that a critical target gets every update: presence marks
   * a node unreachable after 10 missed beats instead of 3. An unreachable target is skipped and
   * sent the head when it returns (docs/PROPAGATION.md), so a subscriber whose beats stall for 3 s
   * in a loaded build misses updates by design, not through what the test is about (CI saw it once
   * in {@code PropagationRebalanceTest}: the critical subscriber marked unreachable for 2 s while a
   * member joined, then applied 9, 12 without 10 and 11).
   */
  static SwarmGridConfig steadyMember(String id, Path keyDir, PropagationConfig propagation) {
    return SwarmGridConfig.from(member(id, keyDir, propagation))
        .messaging(MessagingConfig.custom().unreachableAfterMissedPings(10).build())
        .build();
  }

  /** Registers node {@code id} with {@code keys}. */
  static void register(HazelcastInstance hz, String id, NodeTier tier, NodeKeys keys) {
    new NodeRegistry(hz)
        .register(
            new NodeInfo(
                id,
                "default",
                tier,
                List.of(),
                new Capacity(1, 256, 0),
                keys.publicKey(),
                NodeStatus.ACTIVE,
                "",
                "",
                List.of(),
                "test",
                1,
                System.currentTimeMillis()));
  }

  /** Waits until every member of {@code cluster} runs its propagation engine. */
  static void awaitEngines(EmbeddedCluster cluster) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cluster.members().stream()
                    .allMatch(m -> SwarmGrid.service(m, PropagationEngine.class).isPresent()));
  }

  /** The member of {@code cluster} that owns {@code stateId}'s partition now. */
  static HazelcastInstance ownerOf(EmbeddedCluster cluster, String stateId) {
    Partition partition = cluster.member(0).getPartitionService().getPartition(stateId);
    return cluster.members().stream()
        .filter(
            m -> m.getCluster().getLocalMember().getUuid().equals(partition.getOwner().getUuid()))
        .findFirst()
        .orElseThrow();
  }

  /**
   * {@code count} registered nodes {@code prefix0..}, each declared critical on {@code stateId},
   * that record every seq they apply in {@code applied} (by node id).
   */
  static List<Sub> criticalSubscribers(
      HazelcastInstance hz,
      String stateId,
      String prefix,
      int count,
      Map<String, List<Long>> applied) {
    List<Sub> subs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Sub s = subscriber(hz, prefix + i, NodeTier.CLOUD);
      s.subscriber()
          .onApplied(
              v -> applied.computeIfAbsent(s.id(), x -> new CopyOnWriteArrayList<>()).add(v.seq()));
      PropagationCalls.declare(hz, stateId, s.id(), InterestLevel.CRITICAL);
      subs.add(s);
    }
    return subs;
  }

  /** A registered node that applies what its inbox receives. */
  record Sub(String id, Messenger messenger, StateSubscriber subscriber) implements AutoCloseable {
    @Override
    public void close() {
      messenger.close();
    }
  }

  static Sub subscriber(HazelcastInstance hz, String id, NodeTier tier) {
    register(hz, id, tier, NodeKeys.generate());
    return connect(hz, id);
  }

  /** Connects an already registered node's inbox to a fresh subscriber. */
  static Sub connect(HazelcastInstance hz, String id) {
    Messenger m = new Messenger(hz, id, MessagingConfig.DEFAULTS);
    StateSubscriber s = new StateSubscriber();
    m.subscribe(s::accept);
    return new Sub(id, m, s);
  }
}
