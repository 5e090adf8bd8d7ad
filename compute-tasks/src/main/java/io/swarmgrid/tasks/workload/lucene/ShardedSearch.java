package io.swarmgrid.tasks.workload.lucene;

import io.swarmgrid.tasks.workload.Bm25;
import java.util.Comparator;
import java.util.List;

/**
 * BM25 over several {@link LuceneShard}s whose merged ranking equals the ranking of one index over
 * all their documents. Per query: (1) the distributed-frequency step — every shard reports its
 * statistics for the query's terms ({@link LuceneShard#stats}) and they are summed, which gives
 * exactly the statistics of the single index; (2) every shard ranks its own documents with those
 * global statistics, so a document's score is the one it would get in the single index; (3) the
 * shards' top lists are merged by score (ties by id, as {@link Bm25} breaks them) and cut to {@code
 * top}. Shards are asked in parallel.
 */
public final class ShardedSearch {
  private static final Comparator<Bm25.Hit> BEST_FIRST =
      Comparator.comparingDouble(Bm25.Hit::score)
          .reversed()
          .thenComparing(h -> LuceneShard.orderKey(h.docId()));

  private final List<LuceneShard> shards;

  /** Searches over {@code shards} (not closed by this). */
  public ShardedSearch(List<LuceneShard> shards) {
    this.shards = List.copyOf(shards);
  }

  /** The {@code top} best documents of all shards for {@code query}, best first. */
  public List<Bm25.Hit> search(String query, int top) {
    List<String> terms = LuceneShard.analyze(query);
    ShardStats global = ShardStats.sum(shards.parallelStream().map(s -> s.stats(terms)).toList());
    return merge(shards.parallelStream().map(s -> s.search(terms, global, top)).toList(), top);
  }

  /** The shards' top lists merged: the {@code top} best by score, ties by id. */
  public static List<Bm25.Hit> merge(List<List<Bm25.Hit>> perShard, int top) {
    return perShard.stream().flatMap(List::stream).sorted(BEST_FIRST).limit(top).toList();
  }
}
