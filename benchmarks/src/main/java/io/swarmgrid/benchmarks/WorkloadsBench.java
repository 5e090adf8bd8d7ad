package io.swarmgrid.benchmarks;

import com.hazelcast.jet.config.JobConfig;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.client.workload.WorkloadClient;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.tasks.pipeline.LucenePipelines;
import io.swarmgrid.tasks.pipeline.SwarmSources;
import io.swarmgrid.tasks.workload.Bm25;
import io.swarmgrid.tasks.workload.LogAnalysis;
import io.swarmgrid.tasks.workload.Search;
import io.swarmgrid.tasks.workload.SearchIndex;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.Workload;
import io.swarmgrid.tasks.workload.logs.AnomalyDetector;
import io.swarmgrid.tasks.workload.lucene.LuceneIndexMaps;
import io.swarmgrid.tasks.workload.lucene.LuceneShard;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./swarmgrid bench workloads}: the ready workloads over the samples in {@code
 * deploy/samples} (run from the repository root), repeated to a measurable size, once by a plain
 * single thread ({@link WorkloadsSingleThread#plain}), once by the Jet processors' own code in one
 * thread (word count and log analysis) and once as a Jet job on 3 members in this JVM through
 * {@code SwarmClient.workloads()}; the results must be equal. {@code jet_vs_single_thread} is the
 * plain thread's time over Jet's for word count plus log analysis, divided by {@code cores} (the
 * JVM's available processors, which the 3 members share); {@code jet_vs_same_code} the same against
 * the processors' code in one thread. Then BM25 queries per second (one thread, the 225 Cranfield
 * queries over the 1,400 documents), Lucene in one thread on the same index, the distributed Lucene
 * search (per member shards, Jet) over the copies, and the precision/recall/F1 of the unsupervised
 * anomaly detector against the BGL labels (labels used for scoring only), lines and 300-s windows.
 * Log copies: 40 ({@code --quick}: 8) of the five loghub samples; Cranfield copies: 20 (4). Best of
 * 3 runs each (1 with {@code --quick}) after one warm-up.
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
        Timing wc = compare("word-count", new WordCount(), logs, "*.log", false, jet, runs);
        Timing la = compare("log-analysis", new LogAnalysis(), logs, "*.log", false, jet, runs);
        Timing ix = compare("search index", new Search(), docs, "*.all", true, jet, runs);

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

        long jetMs = wc.jetMs() + la.jetMs();
        double speedup = (wc.singleMs() + la.singleMs()) / (double) jetMs;
        double sameCodeSpeedup = (wc.sameCodeMs() + la.sameCodeMs()) / (double) jetMs;
        return String.format(
            Locale.ROOT,
            "BENCH workloads jet_vs_single_thread=%.2f jet_speedup=%.2f cores=%d word_count_single_ms=%d word_count_jet_ms=%d"
                + " log_analysis_single_ms=%d log_analysis_jet_ms=%d jet_vs_same_code=%.2f word_count_same_code_ms=%d"
                + " log_analysis_same_code_ms=%d single_cpu_ms=%d jet_cpu_ms=%d index_build_single_ms=%d index_build_ms=%d"
                + " queries_per_s=%.0f lucene_queries_per_s=%.0f lucene_jet_index_ms=%d lucene_jet_queries_per_s=%.0f"
                + " anomaly_precision=%.3f anomaly_recall=%.3f anomaly_f1=%.3f anomaly_base_rate=%.3f"
                + " anomaly_window_f1=%.3f anomaly_window_base_rate=%.3f log_mb=%.1f docs=%d equal=%b",
            speedup / cores,
            speedup,
            cores,
            wc.singleMs(),
            wc.jetMs(),
            la.singleMs(),
            la.jetMs(),
            sameCodeSpeedup / cores,
            wc.sameCodeMs(),
            la.sameCodeMs(),
            wc.singleCpuMs() + la.singleCpuMs(),
            wc.jetCpuMs() + la.jetCpuMs(),
            ix.singleMs(),
            ix.jetMs(),
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
            wc.equal() && la.equal() && ix.equal());
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
   * One workload's fastest runs: wall and process CPU ms of the plain thread, wall ms of the Jet
   * processors' code in one thread (0 if none), wall and process CPU ms of Jet; whether Jet's and
   * the processors' code's results equal the plain thread's.
   */
  private record Timing(
      long singleMs, long singleCpuMs, long sameCodeMs, long jetMs, long jetCpuMs, boolean equal) {}

  /** The best of {@code runs} after a warm-up, each side with the CPU of its fastest run. */
  private static <R extends Serializable> Timing compare(
      String label,
      Workload<R> workload,
      Path dir,
      String glob,
      boolean wholeFiles,
      WorkloadClient jet,
      int runs) {
    long[] single = {Long.MAX_VALUE, 0};
    long[] jetBest = {Long.MAX_VALUE, 0};
    long sameCode = Long.MAX_VALUE;
    boolean equal = true;
    for (int r = 0; r <= runs; r++) {
      long c0 = WorkloadsSingleThread.processCpuNanos();
      long t0 = System.nanoTime();
      R plain = WorkloadsSingleThread.plain(workload, dir, glob, wholeFiles);
      long t1 = System.nanoTime();
      long c1 = WorkloadsSingleThread.processCpuNanos();
      Serializable same = WorkloadsSingleThread.sameCode(workload, dir, glob);
      long t2 = System.nanoTime();
      long c2 = WorkloadsSingleThread.processCpuNanos();
      R distributed = jet.run(workload, dir, glob);
      long t3 = System.nanoTime();
      long c3 = WorkloadsSingleThread.processCpuNanos();
      equal &= plain.equals(distributed) && (same == null || plain.equals(same));
      if (r > 0) {
        best(single, t1 - t0, c1 - c0);
        best(jetBest, t3 - t2, c3 - c2);
        sameCode = Math.min(sameCode, same == null ? 0 : (t2 - t1) / 1_000_000);
      }
    }
    System.err.printf(
        "%s: single thread %d ms (CPU %d ms), processors' code in one thread %d ms, Jet on 3"
            + " members %d ms (CPU %d ms), equal %b%n",
        label, single[0], single[1], sameCode, jetBest[0], jetBest[1], equal);
    return new Timing(single[0], single[1], sameCode, jetBest[0], jetBest[1], equal);
  }

  /** Keeps {wall ms, CPU ms} of the fastest run. */
  private static void best(long[] best, long wallNanos, long cpuNanos) {
    if (wallNanos / 1_000_000 < best[0]) {
      best[0] = wallNanos / 1_000_000;
      best[1] = cpuNanos / 1_000_000;
    }
  }
}
