package io.swarmgrid.tasks.workload.lucene;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grid maps of a distributed Lucene index called {@code name}, all of plain JDK types: {@code
 * name.docs} (document id to Cranfield record: the documents, partitioned and backed up by
 * Hazelcast), {@code name.df} and {@code name.ttf} (term to document frequency and total term
 * frequency over all documents) and {@code name.collection} (the collection statistics by name, and
 * the index's generation).
 *
 * @param name the index's name
 */
public record LuceneIndexMaps(String name) {
  /** Keys of {@code name.collection}. */
  public static final String MAX_DOC = "maxDoc";

  /** Documents with at least one token. */
  public static final String DOC_COUNT = "docCount";

  /** Tokens in all documents. */
  public static final String SUM_TOTAL_TERM_FREQ = "sumTotalTermFreq";

  /** (document, term) pairs. */
  public static final String SUM_DOC_FREQ = "sumDocFreq";

  /** When the index was built (a new build invalidates the members' shards). */
  public static final String GENERATION = "generation";

  /** The documents. */
  public String docs() {
    return name + ".docs";
  }

  /** Term to document frequency. */
  public String docFreqs() {
    return name + ".df";
  }

  /** Term to total term frequency. */
  public String totalTermFreqs() {
    return name + ".ttf";
  }

  /** Collection statistics by name. */
  public String collection() {
    return name + ".collection";
  }

  /** All four map names. */
  public List<String> all() {
    return List.of(docs(), docFreqs(), totalTermFreqs(), collection());
  }

  /** The global statistics of {@code terms}, read from the maps. */
  public ShardStats globalStats(HazelcastInstance hz, List<String> terms) {
    Map<String, Long> c =
        hz.<String, Long>getMap(collection())
            .getAll(Set.of(MAX_DOC, DOC_COUNT, SUM_TOTAL_TERM_FREQ, SUM_DOC_FREQ));
    if (c.size() < 4) {
      return ShardStats.none();
    }
    Set<String> distinct = Set.copyOf(terms);
    IMap<String, Long> df = hz.getMap(docFreqs());
    Map<String, Long> dfs = df.getAll(distinct);
    Map<String, Long> ttfs = hz.<String, Long>getMap(totalTermFreqs()).getAll(distinct);
    Map<String, ShardStats.TermStat> stats = new HashMap<>();
    dfs.forEach((t, n) -> stats.put(t, new ShardStats.TermStat(n, ttfs.getOrDefault(t, n))));
    return new ShardStats(
        c.get(MAX_DOC), c.get(DOC_COUNT), c.get(SUM_TOTAL_TERM_FREQ), c.get(SUM_DOC_FREQ), stats);
  }
}
