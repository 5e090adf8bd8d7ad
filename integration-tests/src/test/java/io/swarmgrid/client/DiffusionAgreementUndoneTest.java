package io.swarmgrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.map.IMap;
import io.swarmgrid.client.diffusion.DiffusionClient;
import io.swarmgrid.client.diffusion.DiffusionRequest;
import io.swarmgrid.config.DiffusionConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.diffusion.DiffusionTask;
import io.swarmgrid.tasks.diffusion.ShareState;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.WordCounts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chunk's agreement undone after its member believed it: a split-brain merge keeps one side's
 * task entry and one side's share of a chunk, so a chunk agreed on the other side can come back
 * neither agreed nor recorded, while the members that saw it agreed skip it. The stalled task is
 * injected again; that must make the members ask the shares again, or nobody ever processes the
 * chunk (seen in CI: a word count stayed at 1 of 3 chunks after a heal, with 29 re-injections).
 * Here the merge's outcome is written by hand on one member, which then holds every belief.
 */
class DiffusionAgreementUndoneTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(1)
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("u" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.DIFFUSION)))
                          .diffusion(
                              DiffusionConfig.custom()
                                  .virtualNodes(1)
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
    await().atMost(Duration.ofSeconds(60)).until(() -> diffusion.topology().size() >= 1);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void aChunkWhoseAgreementWasUndone_isProcessedAgain_afterTheStalledTaskIsInjectedAgain() {
    String text = DiffusionFailoverTest.text(11, 3_000);
    WordCount w = new WordCount();
    WordCounts expected = w.process(w.records(text));
    IMap<String, DiffusionTask> tasks =
        cluster.member(0).getMap(SwarmMap.DIFFUSION_TASKS.mapName());
    IMap<String, ShareState> shares = cluster.member(0).getMap(SwarmMap.DIFFUSION_SHARES.mapName());

    String id = diffusion.inject(DiffusionRequest.ofText(WordCount.NAME, text, 100).at("u0"));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> tasks.get(id).agreed().cardinality() > 0);
    // The merge's outcome, under the task's lock so that no update of the member interleaves: the
    // first chunk the member agreed is back as the other side held it, with no copy handed in, and
    // is not recorded on the task.
    int undone;
    tasks.lock(id);
    try {
      DiffusionTask t = tasks.get(id);
      assertThat(t.allAgreed()).as("the task is still running").isFalse();
      undone = t.agreed().nextSetBit(0);
      shares.set(
          ShareState.key(id, undone), new ShareState(id, undone, List.of(), List.of(), null));
      BitSet agreed = t.agreed();
      agreed.clear(undone);
      tasks.set(id, withAgreed(t, agreed));
    } finally {
      tasks.unlock(id);
    }

    assertThat(diffusion.result(id, WordCounts.class, Duration.ofSeconds(60))).isEqualTo(expected);
    assertThat(tasks.get(id).reinjections()).as("found stalled and injected again").isPositive();
  }

  private static DiffusionTask withAgreed(DiffusionTask t, BitSet agreed) {
    return new DiffusionTask(
        t.taskId(),
        t.workload(),
        t.contentHash(),
        t.chunks(),
        t.energy(),
        t.originNode(),
        t.redundancy(),
        t.quorum(),
        t.decay(),
        t.threshold(),
        t.createdAt(),
        t.state(),
        agreed,
        t.lastProgressAt(),
        t.reinjections(),
        t.result(),
        t.finishedAt(),
        t.finishedBy());
  }
}
