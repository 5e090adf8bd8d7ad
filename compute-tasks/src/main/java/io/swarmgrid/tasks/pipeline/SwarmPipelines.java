package io.swarmgrid.tasks.pipeline;

import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.aggregate.AggregateOperation1;
import com.hazelcast.jet.aggregate.AggregateOperations;
import com.hazelcast.jet.pipeline.BatchSource;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.ServiceFactories;
import com.hazelcast.jet.pipeline.Sinks;
import io.swarmgrid.tasks.pipeline.internal.LocalWordCountP;
import io.swarmgrid.tasks.pipeline.internal.LogAnalysisAggregation;
import io.swarmgrid.tasks.pipeline.internal.WordCountAggregation;
import io.swarmgrid.tasks.pipeline.internal.Words;
import io.swarmgrid.tasks.workload.Bm25;
import io.swarmgrid.tasks.workload.LogAnalysis;
import io.swarmgrid.tasks.workload.LogReport;
import io.swarmgrid.tasks.workload.Search;
import io.swarmgrid.tasks.workload.SearchIndex;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.WordCounts;
import io.swarmgrid.tasks.workload.Workload;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ready Jet pipelines. Their classes are in the plugin jar, so a client submits them with no
 * uploaded classes. Each one says where it runs and what it writes.
 */
public final class SwarmPipelines {
  private SwarmPipelines() {}

  /**
   * Counts words in {@code lines} into the map {@code sinkMap} (word to count). Words are
   * lower-cased runs of letters, digits and {@code _}; runs of digits alone (timestamps, ids) are
   * not words. Each processor first counts the words of all the lines it reads in a local map (a
   * combiner: one item per distinct word leaves it, not one per occurrence); the local counts are
   * then summed in a two-stage aggregation, combined on the member that owns each word's partition
   * and written next to it.
   */
  public static Pipeline wordCount(BatchSource<String> lines, String sinkMap) {
    Pipeline p = Pipeline.create();
    p.readFrom(lines)
        .<Map.Entry<String, Long>>customTransform("count-words-locally", LocalWordCountP::new)
        .groupingKey(Map.Entry::getKey)
        .aggregate(AggregateOperations.summingLong(Map.Entry::getValue))
        .writeTo(Sinks.map(sinkMap));
    return p;
  }

  /**
   * The {@code word-count} workload as a Jet job, written to {@code sinkMap} under {@value
   * WordCount#NAME}. The items of {@code lines} are lines or blocks of whole lines ({@link
   * SwarmSources#textBlocks}, which spares Jet an item per line): one aggregation ({@link
   * WordCountAggregation}) whose accumulator is a count table per processor that every line's words
   * are counted into; Jet combines the processors' and members' tables (two-stage) and exports one
   * {@link WordCounts}. The same value as {@code new WordCount().process(all lines)}, with no item
   * per word or batch and no copy of a partial map (the generic {@link #lineWorkload} merges a copy
   * of the partial map every 1,000 lines; grouping by word sends every distinct word of every
   * processor across members).
   */
  public static Pipeline wordCountWorkload(BatchSource<String> lines, String sinkMap) {
    return wordCountWorkload(lines, sinkMap, -1);
  }

  /**
   * {@link #wordCountWorkload(BatchSource, String)} with {@code localParallelism} readers and
   * counters per member ({@code -1}: Jet's default, one per cooperative thread, i.e. per core of
   * the member). Members that share cores (several in one JVM or on one machine) count faster with
   * fewer: 3 members on 2 cores run 6 counters and 6 readers on 2 cores by default.
   */
  public static Pipeline wordCountWorkload(
      BatchSource<String> lines, String sinkMap, int localParallelism) {
    return aggregation(lines, WordCountAggregation.of(), WordCount.NAME, sinkMap, localParallelism);
  }

  /**
   * {@link #wordCountWorkload(BatchSource, String, int)} over blocks of UTF-8 bytes ({@link
   * SwarmSources#byteBlocks}): the same aggregation, with ASCII lines cut straight from the bytes
   * (no decoding to chars, no {@code String} per block) and other lines decoded first, so the
   * result is the same {@link WordCounts}.
   */
  public static Pipeline wordCountOfBytes(
      BatchSource<byte[]> blocks, String sinkMap, int localParallelism) {
    return aggregation(
        blocks, WordCountAggregation.ofBytes(), WordCount.NAME, sinkMap, localParallelism);
  }

  /**
   * One aggregation of everything {@code source} reads, with {@code localParallelism} readers and
   * aggregators per member (each aggregator's accumulator combined once, two-stage), its result
   * written to {@code sinkMap} under {@code key}.
   */
  private static <T, R> Pipeline aggregation(
      BatchSource<T> source,
      AggregateOperation1<? super T, ?, R> operation,
      String key,
      String sinkMap,
      int localParallelism) {
    checkParallelism(localParallelism);
    Pipeline p = Pipeline.create();
    p.readFrom(source)
        .setLocalParallelism(localParallelism)
        .aggregate(operation)
        .setLocalParallelism(localParallelism)
        .writeTo(Sinks.map(sinkMap, r -> key, r -> r));
    return p;
  }

  private static void checkParallelism(int localParallelism) {
    if (localParallelism < 1 && localParallelism != -1) {
      throw new IllegalArgumentException(
          "localParallelism: must be -1 (Jet's default) or at least 1, got " + localParallelism);
    }
  }

  /**
   * The aggregation {@link #wordCountOfBytes} runs on every processor, for a single thread doing
   * the same work (create, accumulate every block of {@link SwarmSources#readByteBlocks}, export).
   */
  public static AggregateOperation1<byte[], ?, WordCounts> wordCountOfBytesAggregation() {
    return WordCountAggregation.ofBytes();
  }

  /**
   * The aggregation {@link #wordCountWorkload} runs on every processor, for a single thread doing
   * the same work (create, accumulate every line or block, export).
   */
  public static AggregateOperation1<String, ?, WordCounts> wordCountAggregation() {
    return WordCountAggregation.of();
  }

  /** The words of one line, as {@link #wordCount} counts them. */
  public static String[] words(String line) {
    List<String> words = new ArrayList<>();
    Words.forEach(line, words::add);
    return words.toArray(String[]::new);
  }

  /**
   * Runs {@code workload} over the records of {@code texts} (each item is the whole text of a file,
   * cut by {@link Workload#records}) and writes its result to {@code sinkMap} under the key {@code
   * workload.name()}. Records are spread over all members ({@code rebalance}), processed there in
   * batches and the partial results merged in a two-stage aggregation ({@link
   * WorkloadAggregation}), so the result equals {@code workload.process(all records)}.
   */
  public static <R extends Serializable> Pipeline workload(
      BatchSource<String> texts, Workload<R> workload, String sinkMap) {
    String key = workload.name();
    Pipeline p = Pipeline.create();
    p.readFrom(texts)
        .flatMap(text -> Traversers.traverseIterable(workload.records(text)))
        .rebalance()
        .aggregate(WorkloadAggregation.of(workload))
        .writeTo(Sinks.map(sinkMap, r -> key, r -> r));
    return p;
  }

  /**
   * Log analysis of {@code lines} ({@link LogAnalysis}; the window is the whole input) into {@code
   * sinkMap} under the key {@value LogAnalysis#NAME}: a {@link
   * io.swarmgrid.tasks.workload.LogReport}. Each member analyses the lines it reads; the partial
   * reports are merged in a two-stage aggregation.
   */
  public static Pipeline logAnalysis(
      BatchSource<String> lines, LogAnalysis analysis, String sinkMap) {
    return lineWorkload(lines, analysis, sinkMap);
  }

  /**
   * {@link #logAnalysis} over blocks of UTF-8 bytes ({@link SwarmSources#byteBlocks}) with {@code
   * localParallelism} readers and analysers per member ({@code -1}: Jet's default): one aggregation
   * whose accumulator is a mutable table per processor (lines of printable ASCII parsed and masked
   * without regular expressions or a {@code String} per line, others decoded and analysed as {@link
   * LogAnalysis} does), tables combined once. The same {@link LogReport} as {@code
   * analysis.process(all lines)}.
   */
  public static Pipeline logAnalysisOfBytes(
      BatchSource<byte[]> blocks, LogAnalysis analysis, String sinkMap, int localParallelism) {
    return aggregation(
        blocks, LogAnalysisAggregation.of(analysis), LogAnalysis.NAME, sinkMap, localParallelism);
  }

  /**
   * The aggregation {@link #logAnalysisOfBytes} runs on every processor, for a single thread doing
   * the same work (create, accumulate every block of {@link SwarmSources#readByteBlocks}, export).
   */
  public static AggregateOperation1<byte[], ?, LogReport> logAnalysisOfBytesAggregation(
      LogAnalysis analysis) {
    return LogAnalysisAggregation.of(analysis);
  }

  /**
   * Runs {@code workload} whose records are lines over {@code lines} (e.g. {@link
   * SwarmSources#textFiles}) and writes its result to {@code sinkMap} under the key {@code
   * workload.name()}: each member processes the lines it reads in batches, and the partial results
   * are merged in a two-stage aggregation ({@link WorkloadAggregation}).
   */
  public static <R extends Serializable> Pipeline lineWorkload(
      BatchSource<String> lines, Workload<R> workload, String sinkMap) {
    return aggregation(lines, WorkloadAggregation.of(workload), workload.name(), sinkMap, -1);
  }

  /**
   * Builds the inverted index of the documents in {@code files} (whole texts, e.g. {@link
   * SwarmSources#wholeFiles}; Cranfield format, see {@link Search}) into {@code sinkMap} under the
   * key {@value Search#NAME}: a {@link SearchIndex}. Documents are spread over the members, each
   * builds a partial index, and the partial indexes are merged.
   */
  public static Pipeline searchIndex(BatchSource<String> files, String sinkMap) {
    return workload(files, new Search(), sinkMap);
  }

  /**
   * Ranks every query of {@code queryFiles} (whole texts in the Cranfield query format, see {@link
   * Bm25#parseQueries}; ids count from 1 in each file) by BM25 against the index stored in {@code
   * indexMap} under {@value Search#NAME}, and writes query id to its {@code top} hits (a {@code
   * List<Bm25.Hit>}, best first) into {@code resultMap}. Each member loads the index once and ranks
   * the queries it is given.
   */
  public static Pipeline searchQueries(
      BatchSource<String> queryFiles, String indexMap, int top, String resultMap) {
    Pipeline p = Pipeline.create();
    p.readFrom(queryFiles)
        .flatMap(text -> Traversers.traverseIterable(Bm25.parseQueries(text)))
        .rebalance()
        .mapUsingService(
            ServiceFactories.sharedService(
                ctx ->
                    ProcessorReads.restartable(
                        () ->
                            new Bm25(
                                ctx.hazelcastInstance()
                                    .<String, SearchIndex>getMap(indexMap)
                                    .get(Search.NAME)))),
            (bm25, q) -> java.util.Map.entry(q.id(), List.copyOf(bm25.search(q.text(), top))))
        .writeTo(Sinks.map(resultMap));
    return p;
  }
}
