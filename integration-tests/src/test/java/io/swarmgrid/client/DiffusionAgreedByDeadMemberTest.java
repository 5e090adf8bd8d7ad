package io.swarmgrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.client.diffusion.DiffusionClient;
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
import io.swarmgrid.tasks.diffusion.CopyResult;
import io.swarmgrid.tasks.diffusion.DiffusionTask;
import io.swarmgrid.tasks.diffusion.ShareState;
import io.swarmgrid.tasks.diffusion.SubmitCopy;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.WordCounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chunk agreed by a member that is killed before it records the agreement on its task: the
 * survivors find the chunk agreed and must record it themselves, or the task stays one chunk short
 * for ever (seen in CI: a word count stayed at 2 of 3 chunks after node-3 was SIGKILLed; a copy
 * handed in on a partition of the killed member is retried on the new owner, finds the chunk
 * already agreed, and its member never marked the task either).
 */
class DiffusionAgreedByDeadMemberTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("k" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.DIFFUSION)))
                          .storage(StorageConfig.custom().backupCount(2).build())
                          .diffusion(
                              DiffusionConfig.custom()
                                  .chunkBytes(1024)
                                  .topologyRefreshMillis(200)
                                  .stallMillis(2_000)
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
    await().atMost(Duration.ofSeconds(60)).until(() -> diffusion.topology().size() == 3);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void aChunkAgreedByAKilledMember_isRecordedBySurvivors_andTheTaskCompletesExactly() {
    String text = DiffusionFailoverTest.text(7, 4_000);
    WordCount w = new WordCount();
    WordCounts expected = w.process(w.records(text));
    HazelcastInstance victim = cluster.member(2);
    IMap<String, DiffusionTask> tasks =
        cluster.member(0).getMap(SwarmMap.DIFFUSION_TASKS.mapName());
    IMap<String, ShareState> shares = cluster.member(0).getMap(SwarmMap.DIFFUSION_SHARES.mapName());

    String id = diffusion.inject(DiffusionRequest.ofText(WordCount.NAME, text, 100).at("k0"));
    DiffusionTask task = tasks.get(id);
    // The victim's nodes hand in two equal, correct copies of a chunk nobody agreed yet (from the
    // last chunk down, away from where the workers start): the second completes the quorum, as the
    // killed member's copy did in CI. Then the victim dies without marking the task.
    int agreedByVictim = -1;
    for (int chunk = task.chunks().size() - 1; chunk >= 0 && agreedByVictim < 0; chunk--) {
      String records = new String(diffusion.getContent(task.chunks().get(chunk)), UTF8);
      WordCounts result = w.process(w.records(records));
      String key = ShareState.key(id, chunk);
      for (String node : new String[] {"k2", "k2/v0"}) {
        SubmitCopy.Vote vote =
            shares.executeOnKey(key, new SubmitCopy(copy(victim, node, result), task.quorum()));
        if (vote.status() == SubmitCopy.Status.AGREED_NOW) {
          agreedByVictim = chunk;
        }
      }
    }
    assertThat(agreedByVictim).as("a chunk the victim agreed first").isNotNegative();
    assertThat(tasks.get(id).agreed().get(agreedByVictim)).isFalse();
    victim.getLifecycleService().terminate();

    assertThat(diffusion.result(id, WordCounts.class, Duration.ofSeconds(60))).isEqualTo(expected);
    assertThat(tasks.get(id).agreed().get(agreedByVictim)).isTrue();
  }

  private static CopyResult copy(HazelcastInstance host, String nodeId, WordCounts result) {
    byte[] statement = "unsigned: voting does not check signatures".getBytes(UTF8);
    return new CopyResult(
        nodeId,
        "k2",
        host.getCluster().getLocalMember().getUuid().toString(),
        result,
        statement,
        new byte[64]);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
