package io.swarmgrid.benchmarks;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.aggregate.AggregateOperation1;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.map.IMap;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.client.diffusion.DiffusionClient;
import io.swarmgrid.client.diffusion.DiffusionProgress;
import io.swarmgrid.client.diffusion.DiffusionRequest;
import io.swarmgrid.config.DiffusionConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.StorageConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.storage.content.Manifest;
import io.swarmgrid.tasks.pipeline.SwarmPipelines;
import io.swarmgrid.tasks.pipeline.SwarmSources;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.WordCounts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * {@code ./swarmgrid bench diffusion}: word count over the loghub samples repeated to 200 MB
 * ({@code --quick}: 20 MB), all members in this JVM:
 *
 * <ol>
 *   <li>a plain single-threaded Java word count (the same words as the others);
 *   <li>the Jet pipeline {@code SwarmPipelines.wordCountOfBytes} over {@code
 *       SwarmSources.byteBlocks} on 3 members, and diffusion on the same 3 members (redundancy 2:
 *       every chunk is counted twice and voted);
 *   <li>diffusion on 4 members (two synchronous backups) without failures, then again killing 2 of
 *       the 4 members once 40% of the chunks are agreed; {@code penalty_half_killed} is the second
 *       run's time over the first's, minus one;
 *   <li>a topology of 501 nodes (3 members with 166 virtual nodes each): time for every node to
 *       have its neighbours, time for information with ample energy to reach every node, and heap
 *       per virtual node (used heap after GC with the virtual nodes, minus without, per node).
 * </ol>
 *
 * {@code jet_vs_single_thread} is Jet's throughput per core used (the cores of this machine, which
 * every member shares) over the single thread's; {@code jet_vs_same_code} is the same over one
 * thread running the Jet processors' own code (blocks of lines, the same aggregation), i.e. how Jet
 * scales rather than how its code compares. {@code single_cpu_s} and {@code jet_cpu_s} are the
 * process's CPU time during each (for Jet: every thread of the 3 members), which a shared machine
 * disturbs less than wall time. Each of the three word counts runs {@value #RUNS} times and the
 * fastest run is quoted, with its CPU (a shared machine slows single runs at random); Jet also runs
 * once over one part first, as a warm-up. Every result is compared with the single thread's.
 *
 * <p>Over 400 lines on purpose: one benchmark whose measurements share one input, one cluster
 * set-up and one check against the single thread's counts. The best-of-{@value #RUNS} timing
 * ({@link #best}) added the last lines; {@code run} is long because it prints one BENCH line from
 * all four parts, and is the first thing to split (a record per part) when the bench grows again.
 */
final class DiffusionBench {
  /** Runs of each word count side (plain thread, same code, Jet); the fastest is quoted. */
  private static final int RUNS = 3;

  private DiffusionBench() {}

  /** One measured run: wall and process CPU seconds, and what it counted. */
  private record Timed(double seconds, double cpuSeconds, WordCounts result) {}

  private interface Count {
    WordCounts run() throws Exception;
  }

  /** The fastest of {@link #RUNS} runs of {@code count}, with the CPU that run took. */
  private static Timed best(Count count) throws Exception {
    Timed best = null;
    for (int r = 0; r < RUNS; r++) {
      long t0 = System.nanoTime();
      long cpu0 = processCpuNanos();
      WordCounts result = count.run();
      Timed run = new Timed(seconds(t0), (processCpuNanos() - cpu0) / 1e9, result);
      System.err.printf("  run %d: %.2f s, CPU %.2f s%n", r + 1, run.seconds(), run.cpuSeconds());
      if (best == null || run.seconds() < best.seconds()) {
        best = run;
      }
    }
    return best;
  }

  static String run(boolean quick) throws Exception {
    long targetBytes = (quick ? 20L : 200L) * 1024 * 1024;
    int basePort = Integer.getInteger("swarmgrid.bench.basePort", 5781);
    int cores = Runtime.getRuntime().availableProcessors();
    Path dir = Files.createTempDirectory("swarmgrid-bench-diffusion");
    Path input = dir.resolve("input.log");
    // Jet reads a file with one processor: the same input also as 6 parts lets it read in parallel.
    Path parts = Files.createDirectories(dir.resolve("parts"));
    try {
      long bytes = writeInput(Path.of("deploy/samples/loghub"), input, targetBytes);
      splitLines(input, parts, 6);
      double mb = bytes / 1024.0 / 1024.0;
      System.err.printf("input: %.1f MB of loghub lines in %s; %d cores%n", mb, input, cores);

      Timed singleRun = best(() -> singleThreaded(input));
      WordCounts single = singleRun.result();
      double singleS = singleRun.seconds();
      double singleCpuS = singleRun.cpuSeconds();
      System.err.printf(
          "single thread, best of %d: %.2f s (CPU %.2f s), %.1f MB/s, %d words%n",
          RUNS, singleS, singleCpuS, mb / singleS, single.counts().size());
      Timed sameCodeRun = best(() -> sameCodeThread(input));
      double sameCodeS = sameCodeRun.seconds();
      boolean correct = check("same code, one thread", sameCodeRun.result(), single);
      System.err.printf(
          "one thread running the Jet processors' code, best of %d: %.2f s, %.1f MB/s%n",
          RUNS, sameCodeS, mb / sameCodeS);

      double jetS;
      double jetCpuS;
      double diffusion3S;
      double uploadS;
      try (LocalCluster cluster =
              LocalCluster.start(
                  "swarmgrid-bench-diffusion", basePort, 3, i -> config("d3-" + i, 0, 1));
          SwarmClient client = connect(cluster)) {
        waitFor(
            () ->
                client.diffusion().topology().size() == 3
                    && client.diffusion().topology().nodes().stream()
                        .allMatch(n -> n.neighbours().size() == 2),
            "3 linked nodes");
        IMap<String, WordCounts> sink = client.hazelcast().getMap("bench.diffusion.jet-counts");
        // a warm-up job over one part: the single thread warms up within its own run, and a job's
        // first run in a JVM loads and compiles Jet's code
        jetWordCount(client, parts, "part-0.log", sink);
        Timed jetRun = best(() -> jetWordCount(client, parts, "*.log", sink));
        jetS = jetRun.seconds();
        jetCpuS = jetRun.cpuSeconds();
        correct &= check("jet", jetRun.result(), single);
        System.err.printf(
            "jet, 3 members, best of %d: %.2f s (CPU %.2f s, all threads), %.1f MB/s%n",
            RUNS, jetS, jetCpuS, mb / jetS);
        sink.destroy();

        DiffusionClient diffusion = client.diffusion();
        long t0 = System.nanoTime();
        Manifest m = diffusion.putInput(WordCount.NAME, input);
        uploadS = seconds(t0);
        System.err.printf(
            "diffusion input stored: %d chunks in %.2f s%n", m.chunks().size(), uploadS);
        t0 = System.nanoTime();
        String id = diffusion.inject(DiffusionRequest.ofContent(WordCount.NAME, m.hash(), 100));
        WordCounts d3 = diffusion.result(id, WordCounts.class, Duration.ofMinutes(30));
        diffusion3S = seconds(t0);
        correct &= check("diffusion 3 members", d3, single);
        System.err.printf(
            "diffusion, 3 members: %.2f s, %.1f MB/s (redundancy 2)%n",
            diffusion3S, mb / diffusion3S);
      }

      double diffusion4S;
      double killedS;
      try (LocalCluster cluster =
              LocalCluster.start(
                  "swarmgrid-bench-diffusion4", basePort + 20, 4, i -> config("d4-" + i, 0, 2));
          SwarmClient client = connect(cluster)) {
        DiffusionClient diffusion = client.diffusion();
        waitFor(
            () ->
                diffusion.topology().size() == 4
                    && diffusion.topology().nodes().stream()
                        .allMatch(n -> n.neighbours().size() == 3),
            "4 linked nodes");
        Manifest m = diffusion.putInput(WordCount.NAME, input);
        long t0 = System.nanoTime();
        String id =
            diffusion.inject(DiffusionRequest.ofContent(WordCount.NAME, m.hash(), 100).at("d4-1"));
        WordCounts d4 = diffusion.result(id, WordCounts.class, Duration.ofMinutes(30));
        diffusion4S = seconds(t0);
        correct &= check("diffusion 4 members", d4, single);
        System.err.printf("diffusion, 4 members: %.2f s%n", diffusion4S);

        t0 = System.nanoTime();
        String killed =
            diffusion.inject(DiffusionRequest.ofContent(WordCount.NAME, m.hash(), 100).at("d4-1"));
        int total = m.chunks().size();
        waitFor(
            () -> diffusion.progress(killed).chunksDone() >= total * 4 / 10, "40% of the chunks");
        List<HazelcastInstance> victims =
            List.of(cluster.running().get(2), cluster.running().get(3));
        victims.forEach(cluster::kill);
        DiffusionProgress atKill = diffusion.progress(killed);
        System.err.printf(
            "killed 2 of 4 members at %d/%d chunks (%s)%n",
            atKill.chunksDone(), total, atKill.state());
        WordCounts survived = diffusion.result(killed, WordCounts.class, Duration.ofMinutes(30));
        killedS = seconds(t0);
        correct &= check("diffusion, half killed", survived, single);
        System.err.printf(
            "diffusion, 4 members, 2 killed mid-run: %.2f s (%d reinjections)%n",
            killedS, diffusion.progress(killed).reinjections());
      }

      // Virtual topology of 501 nodes on this machine, and memory per virtual node.
      long heapWithout = topologyHeap(basePort + 40, 0, null);
      long[] spreadMs = new long[2];
      long heapWith = topologyHeap(basePort + 60, 166, spreadMs);
      int virtualNodes = 3 * 166;
      long perNode = Math.max(0, (heapWith - heapWithout) / virtualNodes);
      System.err.printf(
          "topology of %d nodes: started with all neighbours in %d ms, spread to all in %d ms, %d bytes of heap per virtual node%n",
          3 + virtualNodes, spreadMs[0], spreadMs[1], perNode);

      double singleRate = mb / singleS;
      double jetPerCore = mb / jetS / cores;
      double penalty = killedS / diffusion4S - 1;
      return String.format(
          java.util.Locale.ROOT,
          "BENCH diffusion jet_vs_single_thread=%.2f penalty_half_killed=%.3f correct=%s input_mb=%.0f cores=%d"
              + " single_mb_s=%.1f jet_mb_s=%.1f jet_vs_same_code=%.2f same_code_mb_s=%.1f"
              + " single_cpu_s=%.2f jet_cpu_s=%.2f jet_local_parallelism=%d runs=%d diffusion_mb_s=%.1f upload_mb_s=%.1f diffusion4_s=%.2f half_killed_s=%.2f"
              + " redundancy=2 nodes=%d topology_ms=%d spread_all_ms=%d bytes_per_virtual_node=%d",
          jetPerCore / singleRate,
          penalty,
          correct,
          mb,
          cores,
          singleRate,
          mb / jetS,
          jetPerCore / (mb / sameCodeS),
          mb / sameCodeS,
          singleCpuS,
          jetCpuS,
          localParallelism(),
          RUNS,
          mb / diffusion3S,
          mb / uploadS,
          diffusion4S,
          killedS,
          3 + virtualNodes,
          spreadMs[0],
          spreadMs[1],
          perNode);
    } finally {
      try (Stream<Path> ps = Files.list(parts)) {
        for (Path p : ps.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(parts);
      Files.deleteIfExists(input);
      Files.deleteIfExists(dir);
    }
  }

  private static long topologyHeap(int port, int virtual, long[] spreadMs) throws Exception {
    int nodes = 3 * (1 + virtual);
    long t0 = System.nanoTime();
    try (LocalCluster cluster =
            LocalCluster.start(
                "swarmgrid-bench-topology-" + virtual,
                port,
                3,
                i -> config("t" + virtual + "-" + i, virtual, 1));
        SwarmClient client = connect(cluster)) {
      waitFor(
          () -> {
            var t = client.diffusion().topology();
            return t.size() == nodes
                && t.nodes().stream()
                    .allMatch(n -> n.neighbours().size() >= Math.min(4, nodes - 1));
          },
          nodes + " nodes with their neighbours");
      long topologyMs = (System.nanoTime() - t0) / 1_000_000;
      if (spreadMs != null) {
        String info = client.diffusion().putContent("bench".getBytes(StandardCharsets.UTF_8));
        t0 = System.nanoTime();
        String id = client.diffusion().spread(info, 1_000_000);
        waitFor(
            () -> client.diffusion().progress(id).nodesReached() == nodes,
            "information at every node");
        spreadMs[0] = topologyMs;
        spreadMs[1] = (System.nanoTime() - t0) / 1_000_000;
      }
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(200);
      }
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
  }

  private static boolean check(String what, WordCounts got, WordCounts expected) {
    if (!got.equals(expected)) {
      System.err.printf(
          "%s: WRONG RESULT: %d words, %d occurrences; expected %d words, %d occurrences%n",
          what, got.counts().size(), got.total(), expected.counts().size(), expected.total());
      return false;
    }
    return true;
  }

  private static SwarmGridConfig config(String id, int virtualNodes, int backups) {
    return SwarmGridConfig.custom()
        .node(NodeConfig.custom().id(id).keyFile(".swarmgrid/bench-keys/{node-id}.key").build())
        .engines(EnginesConfig.of(EnumSet.of(EngineKind.DIFFUSION)))
        .storage(StorageConfig.custom().backupCount(backups).build())
        .diffusion(
            DiffusionConfig.custom()
                .virtualNodes(virtualNodes)
                .contentCopies(1)
                .contentMaxBytesPerMember(4L * 1024 * 1024 * 1024)
                .build())
        .build();
  }

  private static SwarmClient connect(LocalCluster cluster) {
    return SwarmClient.connect(
        SwarmClientConfig.of(cluster.clusterName(), cluster.addresses().toArray(String[]::new)));
  }

  /** Repeats the loghub samples (a line break after each file) until {@code target} bytes. */
  private static long writeInput(Path samples, Path input, long target) throws IOException {
    StringBuilder once = new StringBuilder();
    try (Stream<Path> files = Files.list(samples)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        once.append(Files.readString(f, StandardCharsets.UTF_8));
        if (once.charAt(once.length() - 1) != '\n') {
          once.append('\n');
        }
      }
    }
    byte[] block = once.toString().getBytes(StandardCharsets.UTF_8);
    long written = 0;
    try (OutputStream out = Files.newOutputStream(input)) {
      while (written < target) {
        out.write(block);
        written += block.length;
      }
    }
    return written;
  }

  /** Splits {@code input} into {@code n} files of whole lines, about equal in size. */
  private static void splitLines(Path input, Path dir, int n) throws IOException {
    long per = Files.size(input) / n + 1;
    int part = 0;
    long inPart = 0;
    java.io.Writer out = Files.newBufferedWriter(dir.resolve("part-0.log"), StandardCharsets.UTF_8);
    try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (inPart >= per && part < n - 1) {
          out.close();
          part++;
          inPart = 0;
          out =
              Files.newBufferedWriter(dir.resolve("part-" + part + ".log"), StandardCharsets.UTF_8);
        }
        out.write(line);
        out.write('\n');
        inPart += line.length() + 1;
      }
    } finally {
      out.close();
    }
  }

  /**
   * The word count job over the blocks of lines of {@code glob} in {@code parts}, and its result.
   */
  private static WordCounts jetWordCount(
      SwarmClient client, Path parts, String glob, IMap<String, WordCounts> sink) {
    // one aggregation: blocks of lines (raw bytes) counted into a table per processor, tables
    // combined once
    client
        .submit(
            SwarmPipelines.wordCountOfBytes(
                SwarmSources.byteBlocks(parts, glob), sink.getName(), localParallelism()),
            new JobConfig())
        .join();
    return sink.get(WordCount.NAME);
  }

  /**
   * Readers and counters per member: the 3 members share this JVM's cores, so one each per core
   * share (Jet's default, one per core per member, puts 6 counters and 6 readers on 2 cores).
   */
  private static int localParallelism() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / 3);
  }

  /** One thread running what each Jet processor runs: the same blocks, the same aggregation. */
  private static WordCounts sameCodeThread(Path input) throws IOException {
    return count(SwarmPipelines.wordCountOfBytesAggregation(), input);
  }

  private static <A> WordCounts count(AggregateOperation1<byte[], A, WordCounts> op, Path input)
      throws IOException {
    A acc = op.createFn().get();
    try (Stream<byte[]> blocks = SwarmSources.readByteBlocks(input)) {
      blocks.forEach(b -> op.accumulateFn().accept(acc, b));
    }
    return op.exportFn().apply(acc);
  }

  /** CPU time of every thread of this process (members included), in nanoseconds. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static WordCounts singleThreaded(Path input) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        for (String w : SwarmPipelines.words(line)) {
          counts.merge(w, 1L, Long::sum);
        }
      }
    }
    return new WordCounts(counts);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 600_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
