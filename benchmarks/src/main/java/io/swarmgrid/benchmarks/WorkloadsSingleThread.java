package io.swarmgrid.benchmarks;

import com.hazelcast.jet.aggregate.AggregateOperation1;
import io.swarmgrid.tasks.pipeline.SwarmPipelines;
import io.swarmgrid.tasks.pipeline.SwarmSources;
import io.swarmgrid.tasks.workload.LogAnalysis;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.WordCounts;
import io.swarmgrid.tasks.workload.Workload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one-thread sides of {@link WorkloadsBench}: the plain thread (what a user writes with the
 * workload API or one map, the baseline of {@code jet_vs_single_thread}) and the Jet processors'
 * own code run by one thread over the same files (the baseline of {@code jet_vs_same_code}: how Jet
 * scales, apart from how its code compares with the plain loop).
 */
final class WorkloadsSingleThread {
  private WorkloadsSingleThread() {}

  /**
   * The plain thread: word count is one map over every line; other line workloads read each file
   * with {@code readLine}, {@code process} its lines at once and merge file by file; whole-file
   * workloads process each file's records.
   */
  static <R extends Serializable> R plain(
      Workload<R> workload, Path dir, String glob, boolean wholeFiles) {
    if (workload instanceof WordCount) {
      @SuppressWarnings("unchecked")
      R plain = (R) plainWordCount(dir, glob);
      return plain;
    }
    R result = workload.empty();
    for (Path f : files(dir, glob)) {
      try {
        List<String> records;
        if (wholeFiles) {
          records = workload.records(Files.readString(f));
        } else {
          records = new ArrayList<>();
          try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
              records.add(line);
            }
          }
        }
        result = workload.merge(result, workload.process(records));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return result;
  }

  /**
   * The aggregation the Jet job runs on every processor, run by this thread over every block of
   * every file ({@link SwarmSources#readByteBlocks}); {@code null} for a workload without one.
   */
  static Serializable sameCode(Workload<?> workload, Path dir, String glob) {
    if (workload instanceof WordCount) {
      return aggregate(SwarmPipelines.wordCountOfBytesAggregation(), dir, glob);
    }
    if (workload instanceof LogAnalysis analysis) {
      return aggregate(SwarmPipelines.logAnalysisOfBytesAggregation(analysis), dir, glob);
    }
    return null;
  }

  private static <A, R extends Serializable> R aggregate(
      AggregateOperation1<byte[], A, R> op, Path dir, String glob) {
    A acc = op.createFn().get();
    for (Path f : files(dir, glob)) {
      try (Stream<byte[]> blocks = SwarmSources.readByteBlocks(f)) {
        blocks.forEach(b -> op.accumulateFn().accept(acc, b));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return op.exportFn().apply(acc);
  }

  /**
   * Word count as one plain thread does it best: one mutable map for all the lines, no batches and
   * no merging.
   */
  private static WordCounts plainWordCount(Path dir, String glob) {
    Map<String, Long> counts = new HashMap<>();
    for (Path f : files(dir, glob)) {
      try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          for (String word : SwarmPipelines.words(line)) {
            counts.merge(word, 1L, Long::sum);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new WordCounts(counts);
  }

  private static List<Path> files(Path dir, String glob) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
      stream.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** CPU time of every thread of this process (members included), in nanoseconds. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
