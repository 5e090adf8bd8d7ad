package io.swarmgrid.tasks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.jet.pipeline.BatchSource;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.SourceBuilder;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.workload.LogAnalysis;
import io.swarmgrid.tasks.workload.LogReport;
import io.swarmgrid.tasks.workload.Search;
import io.swarmgrid.tasks.workload.SearchIndex;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.WordCounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Half of the members (2 of 4) are killed, one after the other, while a workload job runs; the
 * batch job restarts from the beginning on the survivors and still gives the single-thread result.
 * "While it runs" is made certain by a gated source: each of its processors emits half of its
 * records and then waits for a gate that the test opens only after the kills.
 */
class WorkloadPipelineFailoverTest {
  // Jet keeps job records in maps with jet.backup-count copies besides the primary (default 1):
  // two members killed before the first loss is re-backed-up would lose the job, so 2 here.
  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(4).configure((i, c) -> c.getJetConfig().setBackupCount(2));

  static final Path LOGS = Path.of("../deploy/samples/loghub");
  static final Path CRAN = Path.of("../deploy/samples/cranfield/cran.all.1400");

  @BeforeEach
  void fourMembers() {
    while (running().size() < 4) {
      cluster.startMember();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> running().get(0).getCluster().getMembers().size() == 4);
  }

  static List<HazelcastInstance> running() {
    return cluster.members().stream().filter(m -> m.getLifecycleService().isRunning()).toList();
  }

  /**
   * The records of {@code file} (lines, or Cranfield documents), spread over one processor per
   * member; each processor emits half of its share, then waits until the map {@code gate} holds
   * "open".
   */
  static BatchSource<String> gated(Path file, boolean documents, String gate) {
    return gated(file, documents, gate, r -> r);
  }

  /** {@link #gated} with each record made an item by {@code item}. */
  static <T> BatchSource<T> gated(
      Path file, boolean documents, String gate, FunctionEx<String, T> item) {
    String path = file.toAbsolutePath().toString();
    return SourceBuilder.batch(
            "gated",
            ctx -> {
              List<String> all =
                  documents
                      ? new Search().records(Files.readString(Path.of(path)))
                      : Files.readAllLines(Path.of(path));
              int index = ctx.globalProcessorIndex();
              int total = ctx.totalParallelism();
              List<String> mine =
                  IntStream.range(0, all.size())
                      .filter(i -> i % total == index)
                      .mapToObj(all::get)
                      .toList();
              return new Object[] {mine, new int[] {0}, ctx.hazelcastInstance()};
            })
        .<T>fillBufferFn(
            (state, buf) -> {
              @SuppressWarnings("unchecked")
              List<String> mine = (List<String>) state[0];
              int[] pos = (int[]) state[1];
              HazelcastInstance hz = (HazelcastInstance) state[2];
              int half = mine.size() / 2;
              boolean open =
                  pos[0] >= half
                      && ProcessorReads.restartable(() -> hz.getMap(gate).containsKey("open"));
              if (pos[0] >= half && !open) {
                return;
              }
              // Never past the half in one call before the gate opens (a share of 500 records would
              // otherwise be emitted whole by the first call and the job finish before any kill).
              int stop = open ? mine.size() : half;
              for (int n = 0; n < 500 && pos[0] < stop; n++) {
                buf.add(item.apply(mine.get(pos[0]++)));
              }
              if (pos[0] == mine.size()) {
                buf.close();
              }
            })
        .distributed(1)
        .build();
  }

  /**
   * Runs {@code pipeline}, kills 2 of the 4 members while its source is gated, then opens the gate.
   */
  static void runKillingHalf(Pipeline pipeline, String gate) {
    HazelcastInstance client = cluster.newClient();
    Job job = client.getJet().newJob(pipeline);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(job.getStatus())
                    .as("job %s", job.getIdString())
                    .isEqualTo(JobStatus.RUNNING));
    for (int kill = 0; kill < 2; kill++) {
      List<HazelcastInstance> alive = running();
      alive.get(alive.size() - 1).getLifecycleService().terminate();
      int left = alive.size() - 1;
      // the survivors see the loss and own every partition again (backups promoted) before the
      // next kill; the job restarts meanwhile and waits at the gate again
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                HazelcastInstance first = running().get(0);
                assertThat(first.getCluster().getMembers()).hasSize(left);
                assertThat(first.getPartitionService().getPartitions())
                    .allMatch(
                        p ->
                            p.getOwner() != null
                                && first.getCluster().getMembers().contains(p.getOwner()));
              });
    }
    assertThat(running()).hasSize(2);
    JobStatus status = job.getStatus();
    assertThat(status.isTerminal())
        .as("job still running after the kills, but %s: %s", status, failure(job))
        .isFalse();
    client.getMap(gate).put("open", true);
    job.join();
  }

  /** Why a job ended, for a failure message. */
  static String failure(Job job) {
    try {
      job.getFuture().getNow(null);
      return "no failure";
    } catch (RuntimeException e) {
      return e.toString();
    }
  }

  @Test
  void wordCount_halfKilledMidRun_equalsSingleThread() throws Exception {
    Path file = LOGS.resolve("OpenSSH_2k.log");
    runKillingHalf(SwarmPipelines.wordCount(gated(file, false, "gate.wc"), "wc"), "gate.wc");
    WordCounts jet = new WordCounts(new HashMap<>(running().get(0).<String, Long>getMap("wc")));
    assertThat(jet).isEqualTo(new WordCount().process(Files.readAllLines(file)));
  }

  @Test
  void logAnalysis_halfKilledMidRun_equalsSingleThread() throws Exception {
    Path file = LOGS.resolve("BGL_2k.log");
    runKillingHalf(
        SwarmPipelines.logAnalysis(gated(file, false, "gate.logs"), new LogAnalysis(), "logs"),
        "gate.logs");
    LogReport jet = running().get(0).<String, LogReport>getMap("logs").get(LogAnalysis.NAME);
    assertThat(jet).isEqualTo(new LogAnalysis().process(Files.readAllLines(file)));
  }

  @Test
  void logAnalysisOfBytes_halfKilledMidRun_equalsSingleThread() throws Exception {
    Path file = LOGS.resolve("Thunderbird_2k.log");
    runKillingHalf(
        SwarmPipelines.logAnalysisOfBytes(
            gated(file, false, "gate.logbytes", l -> (l + "\n").getBytes(StandardCharsets.UTF_8)),
            new LogAnalysis(),
            "logbytes",
            1),
        "gate.logbytes");
    LogReport jet = running().get(0).<String, LogReport>getMap("logbytes").get(LogAnalysis.NAME);
    assertThat(jet).isEqualTo(new LogAnalysis().process(Files.readAllLines(file)));
  }

  @Test
  void searchIndex_halfKilledMidRun_equalsSingleThread() throws Exception {
    runKillingHalf(
        SwarmPipelines.searchIndex(gated(CRAN, true, "gate.index"), "index"), "gate.index");
    SearchIndex jet = running().get(0).<String, SearchIndex>getMap("index").get(Search.NAME);
    Search search = new Search();
    assertThat(jet).isEqualTo(search.process(search.records(Files.readString(CRAN))));
    assertThat(new ArrayList<>(jet.docLengths().keySet())).hasSize(1400);
  }
}
