package io.swarmgrid.benchmarks;

import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.client.workload.WorkloadClient;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.tasks.pipeline.WorkloadAggregation;
import io.swarmgrid.tasks.workload.Bm25;
import io.swarmgrid.tasks.workload.LogAnalysis;
import io.swarmgrid.tasks.workload.LogLine;
import io.swarmgrid.tasks.workload.LogReport;
import io.swarmgrid.tasks.workload.Search;
import io.swarmgrid.tasks.workload.SearchIndex;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.Workload;
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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./swarmgrid bench workloads}: the ready workloads over the samples in {@code
 * deploy/samples} (run from the repository root), repeated to a measurable size, once by a plain
 * single thread (read the files, process in batches of {@link WorkloadAggregation#BATCH}, merge)
 * and once as a Jet job on 3 members in this JVM through {@code SwarmClient.workloads()}; the two
 * results must be equal. Then BM25 queries per second (one thread, the 225 Cranfield queries over
 * the 1,400 documents) and the precision/recall of the rare-template anomalies against the BGL
 * labels. Log copies: 40 ({@code --quick}: 8) of the five loghub samples; Cranfield copies: 20 (4).
 * Best of 3 runs each (1 with {@code --quick}) after one warm-up.
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

        List<String> bgl = Files.readAllLines(LOGS.resolve("BGL_2k.log"));
        LogReport report = new LogAnalysis().process(bgl);
        Set<String> flagged = Set.copyOf(report.anomalies());
        Set<String> labelled =
            bgl.stream()
                .map(String::strip)
                .filter(l -> LogLine.parse(l).labelledAnomalous())
                .collect(Collectors.toSet());
        long tp = flagged.stream().filter(labelled::contains).count();
        double precision = flagged.isEmpty() ? 0 : tp / (double) flagged.size();
        double recall = tp / (double) labelled.size();
        System.err.printf(
            "anomalies on BGL_2k (rareBelow %d): %d distinct lines flagged, %d labelled, %d both%n",
            LogAnalysis.DEFAULT_RARE_BELOW, flagged.size(), labelled.size(), tp);

        double speedup = (wc[0] + la[0]) / (double) (wc[1] + la[1]);
        return String.format(
            Locale.ROOT,
            "BENCH workloads jet_vs_single_thread=%.2f jet_speedup=%.2f cores=%d word_count_single_ms=%d word_count_jet_ms=%d"
                + " log_analysis_single_ms=%d log_analysis_jet_ms=%d index_build_single_ms=%d index_build_ms=%d"
                + " queries_per_s=%.0f anomaly_precision=%.3f anomaly_recall=%.3f log_mb=%.1f docs=%d equal=%b",
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
            precision,
            recall,
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
}
