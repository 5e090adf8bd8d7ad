package io.swarmgrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.map.IMap;
import io.swarmgrid.client.diffusion.DiffusionClient;
import io.swarmgrid.client.diffusion.DiffusionProgress;
import io.swarmgrid.client.diffusion.DiffusionRequest;
import io.swarmgrid.client.diffusion.Topology;
import io.swarmgrid.config.DiffusionConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.diffusion.DiffusionEngine;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.content.ContentStore;
import io.swarmgrid.storage.content.Manifest;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceKind;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.diffusion.DiffusionTaskState;
import io.swarmgrid.tasks.diffusion.TopologyNode;
import io.swarmgrid.tasks.diffusion.Visit;
import io.swarmgrid.tasks.pipeline.SwarmPipelines;
import io.swarmgrid.tasks.pipeline.SwarmSources;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.WordCounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diffusion through {@code SwarmClient.diffusion()} against three members with five virtual nodes
 * each (18 nodes); member 2 lies (its nodes leave out a record of every chunk), so every run also
 * shows voting outvote it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiffusionClientTest {
  static final Path LOGHUB = Path.of("../deploy/samples/loghub");
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .keep(
              "swarm.nodes",
              "swarm.reputation",
              "swarm.evidence",
              "swarm.content",
              "swarm.diffusion.topology",
              "swarm.diffusion.tasks",
              "swarm.diffusion.shares",
              "swarm.diffusion.visits",
              "swarm.diffusion.exec",
              "swarm.diffusion.inbox.n0",
              "swarm.diffusion.inbox.n1",
              "swarm.diffusion.inbox.n2")
          .configure((i, c) -> SwarmGrid.enable(c, config("n" + i, i == 2, keys)));

  static SwarmClient client;
  static DiffusionClient diffusion;

  static SwarmGridConfig config(String id, boolean liar, Path keyDir) {
    return SwarmGridConfig.custom()
        .node(
            NodeConfig.custom().id(id).keyFile(keyDir.resolve("{node-id}.key").toString()).build())
        .engines(EnginesConfig.of(EnumSet.of(EngineKind.DIFFUSION)))
        .diffusion(
            DiffusionConfig.custom()
                .virtualNodes(5)
                .chunkBytes(16 * 1024)
                .collectIntervalMillis(500)
                .topologyRefreshMillis(200)
                .workerThreads(2)
                .corruptResultsForTesting(liar)
                .build())
        .build();
  }

  @BeforeAll
  static void connect() {
    client =
        SwarmClient.connect(
            new SwarmClientConfig(
                cluster.clusterName(),
                cluster.clientConfig().getNetworkConfig().getAddresses(),
                30_000));
    diffusion = client.diffusion();
    // Every node has at least the minimum of neighbours once all members see each other.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Topology t = diffusion.topology();
              return t.size() == 18 && t.nodes().stream().allMatch(n -> n.neighbours().size() >= 4);
            });
  }

  @AfterAll
  static void close() {
    client.close();
  }

  static String loghubText() throws IOException {
    StringBuilder sb = new StringBuilder();
    try (var files = Files.list(LOGHUB)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        sb.append(Files.readString(f, StandardCharsets.UTF_8));
        // The files end without a line break; Jet reads them one by one, so lines never join.
        if (sb.charAt(sb.length() - 1) != '\n') {
          sb.append('\n');
        }
      }
    }
    return sb.toString();
  }

  static WordCounts singleThreaded(String text) {
    WordCount w = new WordCount();
    return w.process(w.records(text));
  }

  @Test
  @Order(1)
  void topology_eachNodeHasFourToSixNeighbours_nearestAndLongLinks_readableAsAValue() {
    Topology t = diffusion.topology();
    Map<String, TopologyNode> byId = t.byId();
    assertThat(t.nodes()).hasSize(18);
    assertThat(t.nodes())
        .allSatisfy(
            n -> {
              assertThat(n.neighbours()).hasSizeBetween(4, 6);
              assertThat(n.neighbours())
                  .extracting(TopologyNode.Link::nodeId)
                  .doesNotHaveDuplicates()
                  .doesNotContain(n.nodeId())
                  .allMatch(byId::containsKey);
            });
    assertThat(t.edges()).hasSize(t.nodes().stream().mapToInt(n -> n.neighbours().size()).sum());
    // Latency-chosen neighbours are nodes of the same member (0 µs); long links reach further.
    assertThat(t.edges()).anyMatch(Topology.Edge::longLink);
    TopologyNode v = byId.get("n0/v1");
    assertThat(v.virtual()).isTrue();
    assertThat(v.hostNodeId()).isEqualTo("n0");
    assertThat(v.neighbours().stream().filter(l -> !l.longLink()))
        .allSatisfy(l -> assertThat(byId.get(l.nodeId()).hostNodeId()).isEqualTo("n0"));
    assertThat(t.edges()).anyMatch(e -> e.latencyMicros() > 0);
  }

  @Test
  @Order(2)
  void wordCount_byDiffusion_equalsJetAndSingleThread_andTheLyingMemberIsOutvotedAndReported()
      throws Exception {
    String text = loghubText();
    WordCounts expected = singleThreaded(text);

    String taskId =
        diffusion.inject(
            DiffusionRequest.ofFile(WordCount.NAME, LOGHUB.resolve("HDFS_2k.log"), 50).at("n0/v2"));
    WordCounts hdfs = diffusion.result(taskId, WordCounts.class, Duration.ofSeconds(60));
    assertThat(hdfs).isEqualTo(singleThreaded(Files.readString(LOGHUB.resolve("HDFS_2k.log"))));

    String all = diffusion.inject(DiffusionRequest.ofText(WordCount.NAME, text, 100));
    WordCounts byDiffusion = diffusion.result(all, WordCounts.class, Duration.ofSeconds(90));
    assertThat(byDiffusion).isEqualTo(expected);

    IMap<String, Long> jetCounts = client.hazelcast().getMap("test.diffusion.jet-counts");
    client
        .submit(
            SwarmPipelines.wordCount(
                SwarmSources.textFiles(LOGHUB.toAbsolutePath(), "*.log"), jetCounts.getName()),
            new JobConfig())
        .join();
    assertThat(new WordCounts(new HashMap<>(jetCounts))).isEqualTo(byDiffusion);

    DiffusionProgress p = diffusion.progress(all);
    assertThat(p.state()).isEqualTo(DiffusionTaskState.DONE);
    assertThat(p.chunksDone()).isEqualTo(p.chunksTotal()).isGreaterThan(10);
    assertThat(p.finishedBy()).isNotEmpty();

    // The lying member's copies disagreed with the majority: evidence against n2, from others.
    List<Evidence> against =
        new io.swarmgrid.storage.evidence.EvidenceStore(
                client.hazelcast(), io.swarmgrid.storage.reputation.ReputationRule.DEFAULT, 65_536)
            .against("n2");
    assertThat(against)
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo(EvidenceKind.DISAGREEING_RESULT);
              assertThat(e.reporterNodeId()).isIn("n0", "n1");
              assertThat(e.subject()).startsWith("diffusion/");
            });
    assertThat(client.fault().reputation("n2").score())
        .isLessThan(client.fault().reputation("n0").score());
    long outvoted =
        SwarmGrid.service(cluster.member(0), DiffusionEngine.class)
                .orElseThrow()
                .stats()
                .minorityCopies()
            + SwarmGrid.service(cluster.member(1), DiffusionEngine.class)
                .orElseThrow()
                .stats()
                .minorityCopies();
    assertThat(outvoted).isGreaterThan(0);
    assertThat(
            SwarmGrid.service(cluster.member(0), DiffusionEngine.class)
                    .orElseThrow()
                    .stats()
                    .evidenceFiled()
                + SwarmGrid.service(cluster.member(1), DiffusionEngine.class)
                    .orElseThrow()
                    .stats()
                    .evidenceFiled())
        .isGreaterThan(0);
  }

  @Test
  @Order(3)
  void spreading_stopsByEnergy_oneHopReachesOnlyTheNeighbours_muchEnergyReachesAll() {
    String info = diffusion.putContent("model v7 is out".getBytes(StandardCharsets.UTF_8));
    IMap<String, Visit> visits = client.hazelcast().getMap(SwarmMap.DIFFUSION_VISITS.mapName());

    // Energy 1.2: 1.2 * 0.7 < 1.0, so it never leaves the node it starts at.
    String none = diffusion.spread(info, 1.2);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> diffusion.progress(none).nodesReached() == 1);

    // Energy 1.5: one hop (1.05), no second (0.735): the origin and exactly its neighbours.
    String one = diffusion.spread(info, 1.5);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Set<String> reached = reached(visits, one);
              String origin =
                  visits.values().stream()
                      .filter(v -> v.taskId().equals(one) && v.energy() == 1.5)
                      .findFirst()
                      .orElseThrow()
                      .nodeId();
              Set<String> expected = new HashSet<>();
              expected.add(origin);
              // Links count both ways for spreading: the origin's neighbours and the nodes keeping
              // it.
              diffusion.topology().edges().stream()
                  .filter(e -> e.from().equals(origin))
                  .forEach(e -> expected.add(e.to()));
              diffusion.topology().edges().stream()
                  .filter(e -> e.to().equals(origin))
                  .forEach(e -> expected.add(e.from()));
              assertThat(reached).isEqualTo(expected);
            });
    assertThat(visits.values())
        .filteredOn(v -> v.taskId().equals(one))
        .allSatisfy(v -> assertThat(v.energy()).isIn(1.5, 1.5 * 0.7));

    // Much energy reaches every node, and no node holds it below the stop threshold.
    String all = diffusion.spread(info, 1000);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> diffusion.progress(all).nodesReached() == 18);
    DiffusionProgress p = diffusion.progress(all);
    assertThat(p.lowestEnergy()).isGreaterThanOrEqualTo(1.0);
    assertThat(p.energy()).isEqualTo(1000);
  }

  static Set<String> reached(IMap<String, Visit> visits, String taskId) {
    Set<String> nodes = new HashSet<>();
    visits.values().stream()
        .filter(v -> v.taskId().equals(taskId))
        .forEach(v -> nodes.add(v.nodeId()));
    return nodes;
  }

  @Test
  @Order(4)
  void content_isDeduplicated_verifiedOnRead_aCorruptedCopyIsRefusedReadFromAnotherAndRepaired()
      throws IOException {
    byte[] bytes = "the same bytes, stored twice".getBytes(StandardCharsets.UTF_8);
    IMap<String, byte[]> raw = client.hazelcast().getMap(SwarmMap.CONTENT.mapName());
    String hash = diffusion.putContent(bytes);
    int size = raw.size();
    assertThat(diffusion.putContent(bytes))
        .isEqualTo(hash)
        .isEqualTo(ContentStore.sha256Hex(bytes));
    assertThat(raw.size()).isEqualTo(size);

    ContentStore store = new ContentStore(client.hazelcast(), 2);
    List<String> copies = store.copyKeys(hash);
    assertThat(copies).hasSize(2);
    assertThat(client.hazelcast().getPartitionService().getPartition(copies.get(0)))
        .isNotEqualTo(client.hazelcast().getPartitionService().getPartition(copies.get(1)));

    // Bit rot in the first copy: refused, the second copy is read, the first one repaired.
    raw.set(copies.get(0), "the same bytes, stored tw1ce".getBytes(StandardCharsets.UTF_8));
    assertThat(diffusion.getContent(hash)).isEqualTo(bytes);
    assertThat(raw.get(copies.get(0))).isEqualTo(bytes);

    // Every copy corrupted: refused, naming the hash.
    raw.set(copies.get(0), new byte[] {1});
    raw.set(copies.get(1), new byte[] {2});
    assertThatThrownBy(() -> diffusion.getContent(hash))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("content hash", hash, "does not match");
    // ...and a task over it is refused before anything is written.
    int tasks = client.hazelcast().getMap(SwarmMap.DIFFUSION_TASKS.mapName()).size();
    assertThatThrownBy(() -> diffusion.inject(DiffusionRequest.ofContent(WordCount.NAME, hash, 10)))
        .hasMessageContaining(hash);
    assertThat(client.hazelcast().getMap(SwarmMap.DIFFUSION_TASKS.mapName()).size())
        .isEqualTo(tasks);

    // A manifest's chunks are verified content too.
    Manifest m = diffusion.putInput(WordCount.NAME, LOGHUB.resolve("OpenSSH_2k.log"));
    assertThat(m.chunks()).hasSizeGreaterThan(5);
    assertThat(m.totalBytes()).isEqualTo(LOGHUB.resolve("OpenSSH_2k.log").toFile().length());
    StringBuilder joined = new StringBuilder();
    m.chunks()
        .forEach(c -> joined.append(new String(diffusion.getContent(c), StandardCharsets.UTF_8)));
    assertThat(joined.toString()).isEqualTo(Files.readString(LOGHUB.resolve("OpenSSH_2k.log")));
  }

  @Test
  @Order(5)
  void badInput_isRefusedNamingFieldAndValue_andWritesNothing() {
    IMap<String, Object> tasks = client.hazelcast().getMap(SwarmMap.DIFFUSION_TASKS.mapName());
    int before = tasks.size();
    assertThatThrownBy(() -> diffusion.inject(DiffusionRequest.ofText("word-cuont", "a b", 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workload", "'word-cuont'");
    assertThatThrownBy(() -> diffusion.inject(DiffusionRequest.ofText(WordCount.NAME, "a b", 0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("energy", "0.5");
    assertThatThrownBy(() -> diffusion.inject(DiffusionRequest.ofText(WordCount.NAME, "a b", 1e12)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("energy", "1.0E12");
    assertThatThrownBy(
            () ->
                diffusion.inject(
                    DiffusionRequest.ofFile(WordCount.NAME, keys.resolve("missing.log"), 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file", "missing.log");
    assertThatThrownBy(() -> diffusion.inject(DiffusionRequest.ofFile(WordCount.NAME, keys, 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file");
    assertThatThrownBy(
            () -> diffusion.inject(DiffusionRequest.ofContent(WordCount.NAME, "xyz", 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("content hash", "'xyz'");
    String unknown = ContentStore.sha256Hex("never stored".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(
            () -> diffusion.inject(DiffusionRequest.ofContent(WordCount.NAME, unknown, 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(unknown, "not in swarm.content");
    assertThatThrownBy(
            () -> diffusion.inject(DiffusionRequest.ofText(WordCount.NAME, "a", 10).at("nobody")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at", "'nobody'");
    assertThatThrownBy(() -> diffusion.progress("dt-nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taskId", "'dt-nope'");
    assertThat(tasks.size()).isEqualTo(before);
  }
}
