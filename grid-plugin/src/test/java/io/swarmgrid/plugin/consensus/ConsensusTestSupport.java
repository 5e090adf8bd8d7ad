package io.swarmgrid.plugin.consensus;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.ConsensusConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Clusters with the consensus engine on, and voter nodes with keys, for the consensus tests. */
final class ConsensusTestSupport {
  private ConsensusTestSupport() {}

  /** A cluster of {@code size} members, CP on 3, consensus on, keys in a temporary folder. */
  static EmbeddedCluster cluster(int size) {
    return cluster(size, ConsensusConfig.DEFAULTS);
  }

  /** As {@link #cluster(int)}, with the given consensus settings. */
  static EmbeddedCluster cluster(int size, ConsensusConfig consensus) {
    return cluster(size, i -> consensus);
  }

  /** As {@link #cluster(int)}, with consensus settings per member index. */
  static EmbeddedCluster cluster(int size, IntFunction<ConsensusConfig> consensus) {
    Path keys;
    try {
      keys = Files.createTempDirectory("swarmgrid-consensus-keys");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return EmbeddedCluster.of(size)
        .cpMembers(3)
        .keep("swarm.nodes")
        .configure(
            (i, c) ->
                SwarmGrid.enable(
                    c,
                    SwarmGridConfig.custom()
                        .node(
                            NodeConfig.custom()
                                .id("member-" + i)
                                .keyFile(keys.resolve("{node-id}.key").toString())
                                .build())
                        .engines(EnginesConfig.of(Set.of(EngineKind.CONSENSUS)))
                        .consensus(consensus.apply(i))
                        .build()));
  }

  /** A voter node: an id and its keys, registered in the node registry. */
  record Voter(String id, NodeKeys keys) {
    Vote vote(String proposalId, int choice, double confidence) {
      return Vote.signed(
          keys,
          proposalId,
          id,
          choice,
          confidence,
          new double[] {confidence},
          System.currentTimeMillis());
    }
  }

  /** Registers {@code count} voters named {@code prefix-0..}. */
  static List<Voter> voters(HazelcastInstance hz, String prefix, int count) {
    NodeRegistry registry = new NodeRegistry(hz);
    List<Voter> voters = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      NodeKeys keys = NodeKeys.generate();
      String id = prefix + "-" + i;
      long now = System.currentTimeMillis();
      registry.register(
          new NodeInfo(
              id,
              "default",
              NodeTier.EDGE,
              List.of(),
              new Capacity(1, 256, 0),
              keys.publicKey(),
              NodeStatus.ACTIVE,
              "",
              "",
              List.of(),
              "test",
              now,
              now));
      voters.add(new Voter(id, keys));
    }
    return voters;
  }

  /**
   * The decisions of {@code ids} as {@code engine} reads them, awaited all at once: an await that
   * no event answers reads its decision only after {@code DecisionWaiters.FIRST_READ_MILLIS} (200
   * ms), so one await after another on a member whose store was not listening when they were
   * decided took 48 s for 240 of them.
   */
  static Map<String, Decision> awaitAll(ConsensusEngine engine, Collection<String> ids)
      throws Exception {
    return awaitAll(engine, ids, null);
  }

  /**
   * {@link #awaitAll(ConsensusEngine, Collection)}; if some are not decided within 60 s, fails
   * naming them and, when {@code member} is given, what their tallies hold there.
   */
  static Map<String, Decision> awaitAll(
      ConsensusEngine engine, Collection<String> ids, HazelcastInstance member) throws Exception {
    Map<String, CompletableFuture<Decision>> awaited = new HashMap<>();
    ids.forEach(id -> awaited.put(id, engine.awaitDecision(id)));
    try {
      CompletableFuture.allOf(awaited.values().toArray(CompletableFuture[]::new))
          .get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      List<String> missing = ids.stream().filter(id -> !awaited.get(id).isDone()).toList();
      StringBuilder why = new StringBuilder();
      why.append(missing.size()).append(" of ").append(ids.size()).append(" not decided in 60 s");
      for (String id : missing.subList(0, Math.min(5, missing.size()))) {
        why.append("\n").append(id);
        if (member != null) {
          Tally t = member.<String, Tally>getMap(SwarmMap.VOTES.mapName()).get(id);
          why.append(
              t == null
                  ? ": no tally"
                  : ": tally " + t.status() + ", " + t.votes().size() + " votes, " + t.decision());
        }
      }
      throw new AssertionError(why.toString(), e);
    }
    Map<String, Decision> decided = new HashMap<>();
    awaited.forEach((id, f) -> decided.put(id, f.join()));
    return decided;
  }

  static List<String> ids(List<Voter> voters) {
    return voters.stream().map(Voter::id).toList();
  }

  /**
   * Waits until every running member's electorate view gives {@code nodeId} the vote weight {@code
   * weight}: proposals take reputations from that member-local copy, which follows a change within
   * an event's delivery (docs/CONSENSUS.md).
   */
  static void awaitViews(EmbeddedCluster cluster, String nodeId, double weight) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(
            () ->
                cluster.members().stream()
                    .filter(m -> m.getLifecycleService().isRunning())
                    .allMatch(
                        m ->
                            io.swarmgrid.storage.runtime.SwarmServices.of(m)
                                .get(io.swarmgrid.tasks.consensus.ElectorateView.class)
                                .map(v -> v.voteWeight(nodeId) == weight)
                                .orElse(true)));
  }
}
