package io.swarmgrid.benchmarks;

import com.hazelcast.jet.config.JobConfig;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.client.workload.WorkloadClient;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.tasks.pipeline.LucenePipelines;
import io.swarmgrid.tasks.pipeline.SwarmPipelines;
import io.swarmgrid.tasks.pipeline.SwarmSources;
import io.swarmgrid.tasks.pipeline.WorkloadAggregation;
import io.swarmgrid.tasks.workload.Bm25;
import io.swarmgrid.tasks.workload.LogAnalysis;
import io.swarmgrid.tasks.workload.Search;
import io.swarmgrid.tasks.workload.SearchIndex;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.WordCounts;
import io.swarmgrid.tasks.workload.Workload;
import io.swarmgrid.tasks.workload.logs.AnomalyDetector;
import io.swarmgrid.tasks.workload.lucene.LuceneIndexMaps;
import io.swarmgrid.tasks.workload.lucene.LuceneShard;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./swarmgrid bench workloads}: the ready workloads over the samples in {@code
 * deploy/samples} (run from the repository root), repeated to a measurable size, once by a plain
 * single thread (read the files, process in batches of {@link WorkloadAggregation#BATCH}, merge)
 * and once as a Jet job on 3 members in this JVM through {@code SwarmClient.workloads()}; the two
 * results must be equal. Then BM25 queries per second (one thread, the 225 Cranfield queries over
 * the 1,400 documents), Lucene in one thread on the same index, the distributed Lucene search (per
 * member shards, Jet) over the copies, and the precision/recall/F1 of the unsupervised anomaly
 * detector against the BGL labels (labels used for scoring only), lines and 300-s windows. Log
 * copies: 40 ({@code --quick}: 8) of the five loghub samples; Cranfield copies: 20 (4). Best of 3
 * runs each (1 with {@code --quick}) after one warm-up.
 */
final class WorkloadsBench {
  private static final Path LOGS = Path.of("deploy/samples/loghub");
  private static final Path CRAN = Path.of("deploy/samples/cranfield");

  private WorkloadsBench() {}

  static String run(boolean quick) throws Exception {
    int logCopies = quick ? 8 : 40;
    int cranCopies = quick ? 4 : 20;
    int runs = quick ? 1 : 3;
    int basePort = Integer.getInteger("swarmgrid.bench.basePort", 5771);
    Path dir = Files.createTempDirectory("swarmgrid-bench-workloads");
    try {
      Path logs = Files.createDirectory(dir.resolve("logs"));
      Path docs = Files.createDirectory(dir.resolve("docs"));
      long logBytes = 0;
      for (int c = 0; c < logCopies; c++) {
        for (String f :
            List.of(
                "BGL_2k.log",
                "Thunderbird_2k.log",
                "HDFS_2k.log",
                "Linux_2k.log",
                "OpenSSH_2k.log")) {
          logBytes += Files.size(Files.copy(LOGS.resolve(f), logs.resolve(c + "-" + f)));
        }
      }
      String cran = Files.readString(CRAN.resolve("cran.all.1400"));
      long docBytes = 0;
      for (int c = 0; c < cranCopies; c++) {
        // each copy has ids of its own, so the index has cranCopies * 1400 documents
        String copy = cran.replaceAll("(?m)^\\.I (\\d+)", ".I " + c + "-$1");
        docBytes += Files.size(Files.writeString(docs.resolve("cran-" + c + ".all"), copy));
      }
      int cores = Runtime.getRuntime().availableProcessors();
      System.err.printf(
          "input: %d log files, %.1f MB; %d document files, %.1f MB; %d cores%n",
          logCopies * 5, logBytes / 1e6, cranCopies, docBytes / 1e6, cores);

      try (LocalCluster cluster =
              LocalCluster.start(
                  "swarmgrid-bench-workloads",
                  basePort,
                  3,
                  i ->
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("wb-" + i)
                                  .keyFile(".swarmgrid/bench-keys/{node-id}.key")
                                  .build())
                          .build());
          SwarmClient client =
              SwarmClient.connect(
                  SwarmClientConfig.of(
                      "swarmgrid-bench-workloads", cluster.addresses().toArray(String[]::new)))) {
        WorkloadClient jet = client.workloads();
        long[] wc = compare("word-count", new WordCount(), logs, "*.log", false, jet, runs);
        long[] la = compare("log-analysis", new LogAnalysis(), logs, "*.log", false, jet, runs);
        long[] ix = compare("search index", new Search(), docs, "*.all", true, jet, runs);

        SearchIndex index = new Search().process(new Search().records(cran));
        List<Bm25.Query> queries = Bm25.parseQueries(Files.readString(CRAN.resolve("cran.qry")));
        Bm25 bm25 = new Bm25(index);
        int rounds = quick ? 5 : 20;
        queries.forEach(q -> bm25.search(q.text(), 100));
        long start = System.nanoTime();
        long hits = 0;
        for (int r = 0; r < rounds; r++) {
          for (Bm25.Query q : queries) {
            hits += bm25.search(q.text(), 100).size();
          }
        }
        double qps = rounds * queries.size() / ((System.nanoTime() - start) / 1e9);
        System.err.printf(
            "BM25: %d queries top 100 over %d documents: %.0f queries/s (%d hits)%n",
            rounds * queries.size(), index.documents(), qps, hits);

        double luceneQps = luceneOneThread(index.documents(), cran, queries, rounds);
        LuceneJet lucene = luceneJet(client, docs, queries.size());

        // labels only score the detector; it never reads them
        List<String> bgl = Files.readAllLines(LOGS.resolve("BGL_2k.log"));
        List<AnomalyDetector.Verdict> verdicts = new AnomalyDetector().detect(bgl);
        AnomalyDetector.Score lines = AnomalyDetector.scoreLines(verdicts);
        AnomalyDetector.Score windows =
            AnomalyDetector.scoreWindows(AnomalyDetector.windows(verdicts));
        System.err.printf(
            "anomalies on BGL_2k: lines %s, %d-s windows %s%n",
            lines, AnomalyDetector.DEFAULT_WINDOW_SECONDS, windows);

        double speedup = (wc[0] + la[0]) / (double) (wc[1] + la[1]);
        return String.format(
            Locale.ROOT,
            "BENCH workloads jet_vs_single_thread=%.2f jet_speedup=%.2f cores=%d word_count_single_ms=%d word_count_jet_ms=%d"
                + " log_analysis_single_ms=%d log_analysis_jet_ms=%d index_build_single_ms=%d index_build_ms=%d"
                + " queries_per_s=%.0f lucene_queries_per_s=%.0f lucene_jet_index_ms=%d lucene_jet_queries_per_s=%.0f"
                + " anomaly_precision=%.3f anomaly_recall=%.3f anomaly_f1=%.3f anomaly_base_rate=%.3f"
                + " anomaly_window_f1=%.3f anomaly_window_base_rate=%.3f log_mb=%.1f docs=%d equal=%b",
            speedup / cores,
            speedup,
            cores,
            wc[0],
            wc[1],
            la[0],
            la[1],
            ix[0],
            ix[1],
            qps,
            luceneQps,
            lucene.indexMs(),
            lucene.queriesPerS(),
            lines.precision(),
            lines.recall(),
            lines.f1(),
            lines.baseRate(),
            windows.f1(),
            windows.baseRate(),
            logBytes / 1e6,
            cranCopies * 1400,
            wc[2] + la[2] + ix[2] == 3);
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Lucene in one thread over one index of the 1,400 Cranfield documents (the BM25 figure's index):
   * the 225 queries, top 100, {@code rounds} times after a warm-up.
   */
  private static double luceneOneThread(
      int documents, String cran, List<Bm25.Query> queries, int rounds) {
    try (LuceneShard shard = LuceneShard.build(new Search().records(cran))) {
      List<List<String>> terms = queries.stream().map(q -> LuceneShard.analyze(q.text())).toList();
      for (int warm = 0; warm < 3; warm++) {
        terms.forEach(t -> shard.search(t, shard.stats(t), 100));
      }
      long start = System.nanoTime();
      long hits = 0;
      for (int r = 0; r < rounds; r++) {
        for (Bm25.Query q : queries) {
          List<String> t = LuceneShard.analyze(q.text());
          hits += shard.search(t, shard.stats(t), 100).size();
        }
      }
      double qps = rounds * queries.size() / ((System.nanoTime() - start) / 1e9);
      System.err.printf(
          "Lucene, one thread: %d queries top 100 over %d documents: %.0f queries/s (%d hits)%n",
          rounds * queries.size(), documents, qps, hits);
      return qps;
    }
  }

  /** Index build and query rate of the distributed Lucene search, Jet on the 3 members. */
  private record LuceneJet(long indexMs, double queriesPerS) {}

  private static LuceneJet luceneJet(SwarmClient client, Path docs, int queries) {
    LuceneIndexMaps index = new LuceneIndexMaps("bench.lucene");
    long t0 = System.nanoTime();
    client
        .workloads()
        .submit(
            LucenePipelines.index(SwarmSources.wholeFiles(docs, "*.all"), index), new JobConfig())
        .join();
    long indexMs = (System.nanoTime() - t0) / 1_000_000;
    // the first query job builds the members' shards; the second finds them built
    Path qry = CRAN.resolve("cran.qry").toAbsolutePath();
    client
        .workloads()
        .submit(
            LucenePipelines.queries(qry, index, 100, "bench.lucene.hits", false), new JobConfig())
        .join();
    long t1 = System.nanoTime();
    client
        .workloads()
        .submit(
            LucenePipelines.queries(qry, index, 100, "bench.lucene.hits", true), new JobConfig())
        .join();
    double qps = queries / ((System.nanoTime() - t1) / 1e9);
    System.err.printf(
        "Lucene, Jet on 3 members: index %d ms; %d queries top 100 over the shards: %.0f queries/s%n",
        indexMs, queries, qps);
    return new LuceneJet(indexMs, qps);
  }

  /**
   * {single-thread ms, Jet ms, 1 if the results are equal}: best of {@code runs} after a warm-up.
   */
  private static <R extends Serializable> long[] compare(
      String label,
      Workload<R> workload,
      Path dir,
      String glob,
      boolean wholeFiles,
      WorkloadClient jet,
      int runs) {
    R single = null;
    R distributed = null;
    long bestSingle = Long.MAX_VALUE;
    long bestJet = Long.MAX_VALUE;
    for (int r = 0; r <= runs; r++) {
      long t0 = System.nanoTime();
      single = singleThread(workload, dir, glob, wholeFiles);
      long t1 = System.nanoTime();
      distributed = jet.run(workload, dir, glob);
      long t2 = System.nanoTime();
      if (r > 0) {
        bestSingle = Math.min(bestSingle, (t1 - t0) / 1_000_000);
        bestJet = Math.min(bestJet, (t2 - t1) / 1_000_000);
      }
    }
    boolean equal = single.equals(distributed);
    System.err.printf(
        "%s: single thread %d ms, Jet on 3 members %d ms, equal %b%n",
        label, bestSingle, bestJet, equal);
    return new long[] {bestSingle, bestJet, equal ? 1 : 0};
  }

  private static <R extends Serializable> R singleThread(
      Workload<R> workload, Path dir, String glob, boolean wholeFiles) {
    if (workload instanceof WordCount) {
      @SuppressWarnings("unchecked")
      R plain = (R) plainWordCount(dir, glob);
      return plain;
    }
    R result = workload.empty();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
      for (Path f : files) {
        if (wholeFiles) {
          result = workload.merge(result, workload.process(workload.records(Files.readString(f))));
          continue;
        }
        try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          List<String> batch = new ArrayList<>(WorkloadAggregation.BATCH);
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            batch.add(line);
            if (batch.size() == WorkloadAggregation.BATCH) {
              result = workload.merge(result, workload.process(batch));
              batch = new ArrayList<>(WorkloadAggregation.BATCH);
            }
          }
          result = workload.merge(result, workload.process(batch));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  /**
   * Word count as one plain thread does it best: one mutable map for all the lines, no batches and
   * no merging (the Workload API's batch-and-merge would copy the partial map every 1,000 lines and
   * make the single thread look slower than it is).
   */
  private static WordCounts plainWordCount(Path dir, String glob) {
    Map<String, Long> counts = new HashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
      for (Path f : files) {
        try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            for (String word : SwarmPipelines.words(line)) {
              counts.merge(word, 1L, Long::sum);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WordCounts(counts);
  }
}
