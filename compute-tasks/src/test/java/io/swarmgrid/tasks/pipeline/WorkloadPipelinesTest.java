package io.swarmgrid.tasks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.workload.Bm25;
import io.swarmgrid.tasks.workload.LogAnalysis;
import io.swarmgrid.tasks.workload.LogReport;
import io.swarmgrid.tasks.workload.Search;
import io.swarmgrid.tasks.workload.SearchIndex;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.WordCounts;
import io.swarmgrid.tasks.workload.Workload;
import io.swarmgrid.tasks.workload.logs.LogTemplates;
import io.swarmgrid.tasks.workload.logs.Templates;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Jet pipelines on 3 members give what one thread and any merge of random shares give. */
class WorkloadPipelinesTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(3);

  static final Path LOGS = Path.of("../deploy/samples/loghub");
  static final Path CRAN = Path.of("../deploy/samples/cranfield");

  static List<String> logLines() throws Exception {
    List<String> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(LOGS)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        all.addAll(Files.readAllLines(f));
      }
    }
    return all;
  }

  static <R extends Serializable> R shares(Workload<R> w, List<String> records, long seed) {
    Random random = new Random(seed);
    List<R> partials = new ArrayList<>();
    for (int i = 0; i < records.size(); ) {
      int n = 1 + random.nextInt(500);
      partials.add(w.process(records.subList(i, Math.min(i + n, records.size()))));
      i += n;
    }
    Collections.shuffle(partials, random);
    return partials.stream().reduce(w.empty(), w::merge);
  }

  @Test
  void wordCount_jetEqualsSingleThreadAndShares() throws Exception {
    List<String> lines = logLines();
    WordCount wc = new WordCount();
    WordCounts single = wc.process(lines);
    HazelcastInstance client = cluster.newClient();
    client
        .getJet()
        .newJob(SwarmPipelines.wordCount(SwarmSources.textFiles(LOGS, "*.log"), "wc"))
        .join();
    IMap<String, Long> jet = client.getMap("wc");
    assertThat(new WordCounts(new HashMap<>(jet))).isEqualTo(single);
    client
        .getJet()
        .newJob(SwarmPipelines.workload(SwarmSources.wholeFiles(LOGS, "*.log"), wc, "wc2"))
        .join();
    assertThat(client.<String, WordCounts>getMap("wc2").get(WordCount.NAME)).isEqualTo(single);
    client
        .getJet()
        .newJob(SwarmPipelines.wordCountWorkload(SwarmSources.textFiles(LOGS, "*.log"), "wc3"))
        .join();
    assertThat(client.<String, WordCounts>getMap("wc3").get(WordCount.NAME)).isEqualTo(single);
    client
        .getJet()
        .newJob(SwarmPipelines.wordCountWorkload(SwarmSources.textBlocks(LOGS, "*.log"), "wc4"))
        .join();
    assertThat(client.<String, WordCounts>getMap("wc4").get(WordCount.NAME)).isEqualTo(single);
    client
        .getJet()
        .newJob(SwarmPipelines.wordCountWorkload(SwarmSources.textBlocks(LOGS, "*.log"), "wc5", 1))
        .join();
    assertThat(client.<String, WordCounts>getMap("wc5").get(WordCount.NAME)).isEqualTo(single);
    // raw byte blocks: tables counted on 3 members, combined across them (IDS), equal one thread
    for (int parallelism : new int[] {-1, 1}) {
      String sink = "wc6-" + parallelism;
      client
          .getJet()
          .newJob(
              SwarmPipelines.wordCountOfBytes(
                  SwarmSources.byteBlocks(LOGS, "*.log"), sink, parallelism))
          .join();
      assertThat(client.<String, WordCounts>getMap(sink).get(WordCount.NAME)).isEqualTo(single);
    }
    assertThatThrownBy(
            () -> SwarmPipelines.wordCountWorkload(SwarmSources.textBlocks(LOGS, "*"), "x", 0))
        .hasMessageContaining("localParallelism")
        .hasMessageContaining("0");
    assertThat(shares(wc, lines, 11)).isEqualTo(single);
  }

  @Test
  void logAnalysis_jetEqualsSingleThreadAndShares() throws Exception {
    List<String> lines = logLines();
    LogAnalysis analysis = new LogAnalysis();
    LogReport single = analysis.process(lines);
    HazelcastInstance client = cluster.newClient();
    client
        .getJet()
        .newJob(SwarmPipelines.logAnalysis(SwarmSources.textFiles(LOGS, "*.log"), analysis, "logs"))
        .join();
    LogReport jet = client.<String, LogReport>getMap("logs").get(LogAnalysis.NAME);
    assertThat(jet).isEqualTo(single);
    assertThat(jet.lines()).isEqualTo(20_000);
    assertThat(shares(analysis, lines, 12)).isEqualTo(single);
  }

  @Test
  void logAnalysisOfBytes_jetEqualsSingleThread_atAnyParallelism() throws Exception {
    List<String> lines = logLines();
    HazelcastInstance client = cluster.newClient();
    for (LogAnalysis analysis : List.of(new LogAnalysis(), new LogAnalysis(5))) {
      LogReport single = analysis.process(lines);
      for (int parallelism : List.of(-1, 1, 3)) {
        String sink = "logs-bytes-" + analysis.rareBelow() + "-" + parallelism;
        client
            .getJet()
            .newJob(
                SwarmPipelines.logAnalysisOfBytes(
                    SwarmSources.byteBlocks(LOGS, "*.log"), analysis, sink, parallelism))
            .join();
        LogReport jet = client.<String, LogReport>getMap(sink).get(LogAnalysis.NAME);
        assertThat(jet)
            .as("rareBelow %d, parallelism %d", analysis.rareBelow(), parallelism)
            .isEqualTo(single);
      }
    }
    assertThatThrownBy(
            () ->
                SwarmPipelines.logAnalysisOfBytes(
                    SwarmSources.byteBlocks(LOGS, "*"), new LogAnalysis(), "x", -2))
        .hasMessageContaining("localParallelism")
        .hasMessageContaining("-2");
  }

  @Test
  void logTable_crossesMembersAsItIs() throws Exception {
    List<String> lines = logLines();
    LogAnalysis analysis = new LogAnalysis();
    var aggregation = SwarmPipelines.logAnalysisOfBytesAggregation(analysis);
    Object table = aggregation.createFn().get();
    @SuppressWarnings("unchecked")
    var accumulate =
        (com.hazelcast.function.BiConsumerEx<Object, byte[]>) aggregation.accumulateFn();
    accumulate.accept(
        table, String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    IMap<String, Object> map = cluster.newClient().getMap("log-table");
    map.put("t", table);
    Object copy = map.get("t");
    assertThat(copy).isNotSameAs(table).isInstanceOf(table.getClass());
    @SuppressWarnings("unchecked")
    var finish = (com.hazelcast.function.FunctionEx<Object, LogReport>) aggregation.exportFn();
    assertThat(finish.apply(copy)).isEqualTo(analysis.process(lines));
  }

  @Test
  void logTemplates_jetMinesTheTemplatesOfOneThreadAndOfShares() throws Exception {
    List<String> lines = logLines();
    LogTemplates templates = new LogTemplates();
    TreeMap<String, Long> single = templates.process(lines);
    HazelcastInstance client = cluster.newClient();
    client
        .getJet()
        .newJob(
            SwarmPipelines.lineWorkload(
                SwarmSources.textFiles(LOGS, "*.log"), templates, "templates"))
        .join();
    TreeMap<String, Long> jet =
        client.<String, TreeMap<String, Long>>getMap("templates").get(LogTemplates.NAME);
    assertThat(jet).isEqualTo(single);
    assertThat(Templates.mine(jet).counts()).isEqualTo(Templates.mine(single).counts());
    assertThat(Templates.mine(shares(templates, lines, 13)).counts())
        .isEqualTo(Templates.mine(single).counts());
  }

  @Test
  void search_jetIndexEqualsSingleThread_andQueriesRankTheSame() throws Exception {
    Search search = new Search();
    List<String> docs = search.records(Files.readString(CRAN.resolve("cran.all.1400")));
    SearchIndex single = search.process(docs);
    HazelcastInstance client = cluster.newClient();
    client
        .getJet()
        .newJob(SwarmPipelines.searchIndex(SwarmSources.wholeFiles(CRAN, "cran.all.1400"), "index"))
        .join();
    assertThat(client.<String, SearchIndex>getMap("index").get(Search.NAME)).isEqualTo(single);
    assertThat(shares(search, docs, 13)).isEqualTo(single);

    client
        .getJet()
        .newJob(
            SwarmPipelines.searchQueries(
                SwarmSources.wholeFiles(CRAN, "cran.qry"), "index", 100, "hits"))
        .join();
    IMap<String, List<Bm25.Hit>> hits = client.getMap("hits");
    assertThat(hits.size()).isEqualTo(225);
    Bm25 local = new Bm25(single);
    Map<String, String> queries = new HashMap<>();
    Bm25.parseQueries(Files.readString(CRAN.resolve("cran.qry")))
        .forEach(q -> queries.put(q.id(), q.text()));
    for (String id : List.of("1", "2", "100", "225")) {
      assertThat(hits.get(id)).isEqualTo(local.search(queries.get(id), 100));
    }
  }
}
