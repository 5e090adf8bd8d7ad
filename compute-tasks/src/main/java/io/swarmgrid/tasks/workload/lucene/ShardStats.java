package io.swarmgrid.tasks.workload.lucene;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics BM25 needs from an index, for one query's terms: what a shard reports in the
 * distributed-frequency step, and (summed over all shards) the global statistics every shard then
 * scores with. Summing is exact: a single index over the same documents has these very numbers.
 *
 * @param maxDoc documents in the index
 * @param docCount documents with a body
 * @param sumTotalTermFreq body tokens in all documents (for the average document length)
 * @param sumDocFreq postings in the body field
 * @param terms each query term's document frequency and total term frequency
 */
public record ShardStats(
    long maxDoc,
    long docCount,
    long sumTotalTermFreq,
    long sumDocFreq,
    Map<String, TermStat> terms) {

  /** Copies the term map. */
  public ShardStats {
    terms = Map.copyOf(terms);
  }

  /** Statistics of no documents: the identity of {@link #plus}. */
  public static ShardStats none() {
    return new ShardStats(0, 0, 0, 0, Map.of());
  }

  /** The sum of two shards' statistics. */
  public ShardStats plus(ShardStats other) {
    Map<String, TermStat> sum = new HashMap<>(terms);
    other.terms.forEach((t, s) -> sum.merge(t, s, TermStat::plus));
    return new ShardStats(
        maxDoc + other.maxDoc,
        docCount + other.docCount,
        sumTotalTermFreq + other.sumTotalTermFreq,
        sumDocFreq + other.sumDocFreq,
        sum);
  }

  /** The sum of all shards' statistics. */
  public static ShardStats sum(List<ShardStats> shards) {
    return shards.stream().reduce(none(), ShardStats::plus);
  }

  /**
   * One term's statistics.
   *
   * @param docFreq documents holding it
   * @param totalTermFreq its occurrences
   */
  public record TermStat(long docFreq, long totalTermFreq) {
    /** The sum of two shards' counts. */
    public TermStat plus(TermStat other) {
      return new TermStat(docFreq + other.docFreq, totalTermFreq + other.totalTermFreq);
    }
  }
}
