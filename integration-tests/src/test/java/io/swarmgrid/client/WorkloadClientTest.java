package io.swarmgrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmgrid.client.workload.WorkloadClient;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.workload.Bm25;
import io.swarmgrid.tasks.workload.LogAnalysis;
import io.swarmgrid.tasks.workload.LogReport;
import io.swarmgrid.tasks.workload.Search;
import io.swarmgrid.tasks.workload.SearchIndex;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.lucene.LuceneShard;
import io.swarmgrid.tasks.workload.lucene.ShardedSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SwarmClient.workloads() against three embedded members, over the samples in deploy/samples. */
class WorkloadClientTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(3);
  static final Path LOGS = Path.of("../deploy/samples/loghub");
  static final Path CRAN = Path.of("../deploy/samples/cranfield");
  static SwarmClient client;
  @TempDir Path dir;

  @BeforeAll
  static void connect() {
    client =
        SwarmClient.connect(
            new SwarmClientConfig(
                cluster.clusterName(), List.of("127.0.0.1:" + EmbeddedCluster.BASE_PORT), 30_000));
  }

  @AfterAll
  static void close() {
    client.close();
  }

  static List<String> lines(String glob) throws Exception {
    List<String> all = new ArrayList<>();
    try (var files = Files.newDirectoryStream(LOGS, glob)) {
      for (Path f : files) {
        all.addAll(Files.readAllLines(f));
      }
    }
    return all;
  }

  @Test
  void readyWorkloadsGiveTheSingleThreadResult() throws Exception {
    WorkloadClient workloads = client.workloads();
    assertThat(workloads.names()).contains("word-count", "log-analysis", "search");
    assertThat(workloads.run("word-count", LOGS, "*.log", Map.of()))
        .isEqualTo(new WordCount().process(lines("*.log")));
    assertThat(workloads.run("log-analysis", LOGS, "BGL*.log", Map.of("rareBelow", "5")))
        .isEqualTo(new LogAnalysis(5).process(lines("BGL*.log")));
    LogReport report = workloads.run(new LogAnalysis(), LOGS, "*.log");
    assertThat(report.lines()).isEqualTo(20_000);
    assertThat(report).isEqualTo(new LogAnalysis().process(lines("*.log")));
    SearchIndex index = workloads.run(new Search(), CRAN, "cran.all.1400");
    assertThat(index.documents()).isEqualTo(1400);
    assertThat(client.hazelcast().getDistributedObjects())
        .noneMatch(o -> o.getName().startsWith("swarm.workload.run."));
  }

  @Test
  void searchRunWritesTrecRun() throws Exception {
    Path run = dir.resolve("cran.run");
    long n =
        client
            .workloads()
            .searchRun(CRAN, "cran.all.1400", CRAN.resolve("cran.qry"), run, 10, "sg");
    assertThat(Files.readAllLines(run))
        .hasSize((int) n)
        .hasSize(2250)
        .first()
        .asString()
        .matches("1 Q0 51 1 \\S+ sg");
    // the per-member shards merged by score give the run of one Lucene index over all documents
    Path single = dir.resolve("single.run");
    try (LuceneShard whole =
        LuceneShard.build(new Search().records(Files.readString(CRAN.resolve("cran.all.1400"))))) {
      ShardedSearch search = new ShardedSearch(List.of(whole));
      Bm25.writeRun(
          CRAN.resolve("cran.qry"),
          single,
          10,
          "sg",
          queries -> {
            Map<String, List<Bm25.Hit>> hits = new HashMap<>();
            queries.forEach(q -> hits.put(q.id(), search.search(q.text(), 10)));
            return hits;
          });
    }
    assertThat(Files.readAllLines(run)).isEqualTo(Files.readAllLines(single));
  }

  @Test
  void badInputIsNamedAndLeavesNothing() throws Exception {
    WorkloadClient w = client.workloads();
    assertThatThrownBy(() -> w.run("grep", LOGS, "*.log", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'grep'")
        .hasMessageContaining("search");
    assertThatThrownBy(() -> w.run("word-count", dir.resolve("absent"), "*.log", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input.directory")
        .hasMessageContaining("absent");
    assertThatThrownBy(() -> w.run("word-count", LOGS, "*.nothing", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input.glob")
        .hasMessageContaining("*.nothing");
    Path unreadable = dir.resolve("secret.log");
    Files.writeString(unreadable, "x\n");
    if (unreadable.toFile().setReadable(false) && !Files.isReadable(unreadable)) {
      assertThatThrownBy(() -> w.run("word-count", dir, "*.log", Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("input.file")
          .hasMessageContaining("secret.log");
    }
    assertThatThrownBy(() -> w.run("log-analysis", LOGS, "*.log", Map.of("rareBelow", "many")))
        .hasMessageContaining("parameters.rareBelow")
        .hasMessageContaining("many");
    assertThatThrownBy(() -> w.run("log-analysis", LOGS, "*.log", Map.of("rareBelow", "0")))
        .hasMessageContaining("rareBelow")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> w.run("search", LOGS, "*.log", Map.of("k1", "2")))
        .hasMessageContaining("parameters")
        .hasMessageContaining("k1");
    Path run = dir.resolve("x.run");
    assertThatThrownBy(
            () -> w.searchRun(CRAN, "cran.all.1400", dir.resolve("none.qry"), run, 10, "t"))
        .hasMessageContaining("queries")
        .hasMessageContaining("none.qry");
    assertThat(run).doesNotExist();
    assertThat(client.hazelcast().getDistributedObjects())
        .noneMatch(o -> o.getName().startsWith("swarm.workload.run."));
  }
}
