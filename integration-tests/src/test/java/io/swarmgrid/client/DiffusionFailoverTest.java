package io.swarmgrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.client.diffusion.DiffusionClient;
import io.swarmgrid.client.diffusion.DiffusionProgress;
import io.swarmgrid.client.diffusion.DiffusionRequest;
import io.swarmgrid.config.DiffusionConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.StorageConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.diffusion.DiffusionTaskState;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.WordCounts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four members with two virtual nodes each (12 nodes), two synchronous backups: memory stays
 * bounded over many tasks, and a word count stays complete and correct when two of the four members
 * are killed in the middle of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiffusionFailoverTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(4)
          .keep(
              "swarm.nodes",
              "swarm.content",
              "swarm.diffusion.topology",
              "swarm.diffusion.tasks",
              "swarm.diffusion.shares",
              "swarm.diffusion.visits",
              "swarm.diffusion.exec",
              "swarm.diffusion.inbox.f0",
              "swarm.diffusion.inbox.f1",
              "swarm.diffusion.inbox.f2",
              "swarm.diffusion.inbox.f3")
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("f" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.DIFFUSION)))
                          .storage(StorageConfig.custom().backupCount(2).build())
                          .diffusion(
                              DiffusionConfig.custom()
                                  .virtualNodes(2)
                                  .chunkBytes(1024)
                                  .contentCopies(2)
                                  .contentMaxBytesPerMember(1024 * 1024)
                                  .contentMaxEntriesPerMember(100)
                                  .contentMaxAgeSeconds(10)
                                  .collectIntervalMillis(200)
                                  .topologyRefreshMillis(200)
                                  .stallMillis(5_000)
                                  .maxTasks(100)
                                  .finishedTaskTtlSeconds(2)
                                  .maxTaskAgeSeconds(600)
                                  .workerThreads(1)
                                  .build())
                          .build()));

  static SwarmClient client;
  static DiffusionClient diffusion;

  @BeforeAll
  static void connect() {
    client =
        SwarmClient.connect(
            new SwarmClientConfig(
                cluster.clusterName(),
                cluster.clientConfig().getNetworkConfig().getAddresses(),
                30_000));
    diffusion = client.diffusion();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                diffusion.topology().size() == 12
                    && diffusion.topology().nodes().stream()
                        .allMatch(n -> n.neighbours().size() >= 4));
  }

  @AfterAll
  static void close() {
    client.close();
  }

  static String text(long seed, int lines) {
    Random r = new Random(seed);
    String[] words = {
      "alpha", "beta", "gamma", "delta", "error", "warn", "info", "block", "node", "disk"
    };
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      for (int w = 0; w < 8; w++) {
        sb.append(words[r.nextInt(words.length)]).append(r.nextInt(50)).append(' ');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @Test
  @Order(1)
  void longRun_finishedTasksExpire_andContentIsCollected_soMemoryStaysBounded() {
    IMap<String, Object> tasks = client.hazelcast().getMap(SwarmMap.DIFFUSION_TASKS.mapName());
    IMap<String, Object> shares = client.hazelcast().getMap(SwarmMap.DIFFUSION_SHARES.mapName());
    IMap<String, Object> visits = client.hazelcast().getMap(SwarmMap.DIFFUSION_VISITS.mapName());
    IMap<String, Object> content = client.hazelcast().getMap(SwarmMap.CONTENT.mapName());
    int maxContent = 0;
    for (int run = 0; run < 30; run++) {
      String text = text(run, 40);
      String id = diffusion.inject(DiffusionRequest.ofText(WordCount.NAME, text, 20));
      WordCount w = new WordCount();
      assertThat(diffusion.result(id, WordCounts.class, Duration.ofSeconds(60)))
          .isEqualTo(w.process(w.records(text)));
      // A finished task's chunks are dropped right after its result is written.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> shares.keySet().stream().noneMatch(k -> k.startsWith(id)));
      maxContent = Math.max(maxContent, content.size());
    }
    // 4 members x 100 entries after each collection, plus what one collection period adds.
    assertThat(maxContent).isLessThan(4 * 100 + 200);
    // Finished tasks expire after their TTL; content without energy is collected after its age.
    await().atMost(Duration.ofSeconds(60)).until(() -> tasks.isEmpty() && content.isEmpty());
    assertThat(shares.size()).isZero();
    assertThat(visits.size()).isZero();
  }

  @Test
  @Order(2)
  void wordCount_staysCompleteAndCorrect_whenHalfTheMembersAreKilledMidRun() {
    String text = text(99, 10_000);
    WordCount w = new WordCount();
    WordCounts expected = w.process(w.records(text));

    String id = diffusion.inject(DiffusionRequest.ofText(WordCount.NAME, text, 100).at("f0"));
    await().atMost(Duration.ofSeconds(60)).until(() -> diffusion.progress(id).chunksDone() >= 20);
    List<HazelcastInstance> victims = List.of(cluster.member(2), cluster.member(3));
    victims.forEach(m -> m.getLifecycleService().terminate());
    DiffusionProgress atKill = diffusion.progress(id);
    assertThat(atKill.state())
        .as("still running when half the members died")
        .isEqualTo(DiffusionTaskState.RUNNING);
    assertThat(atKill.chunksDone()).isLessThan(atKill.chunksTotal());

    WordCounts survived = diffusion.result(id, WordCounts.class, Duration.ofSeconds(120));
    assertThat(survived).isEqualTo(expected);
    assertThat(diffusion.progress(id).finishedBy())
        .isIn("f0", "f1", "f0/v0", "f0/v1", "f1/v0", "f1/v1");
    // The dead members' nodes left the topology and the survivors replaced them as neighbours.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(diffusion.topology().nodes())
                    .hasSize(6)
                    .allSatisfy(
                        n -> {
                          assertThat(n.hostNodeId()).isIn("f0", "f1");
                          assertThat(n.neighbours())
                              .hasSizeGreaterThanOrEqualTo(4)
                              .allSatisfy(l -> assertThat(l.nodeId()).matches("f[01](/v[01])?"));
                        }));
  }
}
