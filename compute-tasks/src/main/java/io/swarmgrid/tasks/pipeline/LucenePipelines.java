package io.swarmgrid.tasks.pipeline;

import static com.hazelcast.jet.aggregate.AggregateOperations.allOf;
import static com.hazelcast.jet.aggregate.AggregateOperations.counting;
import static com.hazelcast.jet.aggregate.AggregateOperations.summingLong;

import com.hazelcast.function.ComparatorEx;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.Util;
import com.hazelcast.jet.aggregate.AggregateOperations;
import com.hazelcast.jet.datamodel.Tuple2;
import com.hazelcast.jet.datamodel.Tuple3;
import com.hazelcast.jet.pipeline.BatchSource;
import com.hazelcast.jet.pipeline.BatchStage;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.SourceBuilder;
import io.swarmgrid.tasks.workload.Search;
import io.swarmgrid.tasks.workload.lucene.LuceneIndexMaps;
import io.swarmgrid.tasks.workload.lucene.LuceneShard;
import io.swarmgrid.tasks.workload.lucene.ShardQueries;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Distributed Lucene search. {@link #index} puts the documents into a grid map (so each member owns
 * the documents of its partitions) and computes the global statistics BM25 needs; {@link #queries}
 * then ranks every query on every member against that member's shard ({@code MemberShards}), with
 * the global statistics, and merges the shards' top lists by score into {@code resultMap}. Every
 * item crossing members is a JDK type or a Jet tuple (Hazelcast serializes both natively).
 */
public final class LucenePipelines {
  private LucenePipelines() {}

  /**
   * Indexes the Cranfield documents of {@code files} (whole texts, e.g. {@link
   * SwarmSources#wholeFiles}) as {@code index}: documents into {@code index.docs()} by id, term
   * statistics into {@code index.docFreqs()} and {@code index.totalTermFreqs()}, collection
   * statistics and a new generation into {@code index.collection()}. Clear the maps first when
   * re-indexing other documents under the same name.
   */
  public static Pipeline index(BatchSource<String> files, LuceneIndexMaps index) {
    long generation = System.nanoTime();
    Pipeline p = Pipeline.create();
    BatchStage<String> docs =
        p.readFrom(files)
            .flatMap(text -> Traversers.traverseIterable(new Search().records(text)))
            .filter(doc -> LuceneShard.documentId(doc) != null)
            .rebalance();
    docs.map(doc -> Util.entry(LuceneShard.documentId(doc), doc)).writeTo(Sinks.map(index.docs()));
    BatchStage<Tuple2<String, Long>> termFreqs =
        docs.flatMap(doc -> Traversers.traverseIterable(termFrequencies(doc)));
    termFreqs.groupingKey(Tuple2::f0).aggregate(counting()).writeTo(Sinks.map(index.docFreqs()));
    termFreqs
        .groupingKey(Tuple2::f0)
        .aggregate(summingLong(Tuple2::f1))
        .writeTo(Sinks.map(index.totalTermFreqs()));
    docs.map(doc -> (long) LuceneShard.analyze(LuceneShard.documentText(doc)).size())
        .aggregate(
            allOf(
                counting(),
                summingLong((Long tokens) -> tokens > 0 ? 1 : 0),
                summingLong((Long tokens) -> tokens)))
        .flatMap(
            c ->
                Traversers.traverseItems(
                    Util.entry(LuceneIndexMaps.MAX_DOC, c.f0()),
                    Util.entry(LuceneIndexMaps.DOC_COUNT, c.f1()),
                    Util.entry(LuceneIndexMaps.SUM_TOTAL_TERM_FREQ, c.f2()),
                    Util.entry(LuceneIndexMaps.GENERATION, generation)))
        .writeTo(Sinks.map(index.collection()));
    termFreqs
        .aggregate(counting())
        .map(pairs -> Util.entry(LuceneIndexMaps.SUM_DOC_FREQ, pairs))
        .writeTo(Sinks.map(index.collection()));
    return p;
  }

  private static List<Tuple2<String, Long>> termFrequencies(String doc) {
    Map<String, Long> tf = new HashMap<>();
    for (String t : LuceneShard.analyze(LuceneShard.documentText(doc))) {
      tf.merge(t, 1L, Long::sum);
    }
    return tf.entrySet().stream().map(e -> Tuple2.tuple2(e.getKey(), e.getValue())).toList();
  }

  /**
   * Ranks every query of {@code queriesFile} (Cranfield query format, readable at the same path on
   * every member; the n-th query gets id {@code n}) against {@code index}: each member searches its
   * own shard with the global statistics (one source processor per member), and the shards' hits
   * are merged per query into the {@code top} best by score, ties by document id, written to {@code
   * resultMap} as query id to a list of {@code (docId, score)} tuples, best first. With {@code
   * dropShards} each member closes and forgets its shard when done (for a one-off search).
   */
  public static Pipeline queries(
      Path queriesFile, LuceneIndexMaps index, int top, String resultMap, boolean dropShards) {
    String file = queriesFile.toAbsolutePath().toString();
    String name = index.name();
    BatchSource<Tuple3<String, String, Double>> shards =
        SourceBuilder.batch(
                "lucene-shards-" + index.name(),
                ctx ->
                    ProcessorReads.restartable(
                        () ->
                            new ShardQueries(
                                ctx.hazelcastInstance(),
                                new LuceneIndexMaps(name),
                                file,
                                top,
                                dropShards)))
            .<Tuple3<String, String, Double>>fillBufferFn(
                (queries, buffer) -> ProcessorReads.restartable(() -> queries.fill(buffer)))
            .distributed(1)
            .build();
    ComparatorEx<Tuple3<String, String, Double>> worstFirst =
        ComparatorEx.<Tuple3<String, String, Double>>comparingDouble(Tuple3::f2)
            .thenComparing(
                h -> LuceneShard.orderKey(h.f1()), ComparatorEx.<String>naturalOrder().reversed());
    Pipeline p = Pipeline.create();
    p.readFrom(shards)
        .groupingKey(Tuple3::f0)
        .aggregate(AggregateOperations.topN(top, worstFirst))
        .map(
            e ->
                Util.entry(
                    e.getKey(),
                    e.getValue().stream().map(h -> Tuple2.tuple2(h.f1(), h.f2())).toList()))
        .writeTo(Sinks.map(resultMap));
    return p;
  }
}
