package io.swarmgrid.tasks.pipeline.internal;

import com.hazelcast.jet.aggregate.AggregateOperation;
import com.hazelcast.jet.aggregate.AggregateOperation1;
import io.swarmgrid.tasks.workload.WordCounts;
import java.util.HashMap;
import java.util.Map;

/**
 * Word count as one Jet aggregation over lines: each processor counts the words of every line it
 * reads straight into one mutable map (word to a one-element {@code long[]}, so a count is bumped
 * without boxing; words cut by this thread's {@link WordInterner}, so a word seen before allocates
 * nothing and its map lookup hashes nothing), the members' maps are combined by adding into the
 * first, and the result is exported once as a {@link WordCounts}. No item per word or per batch
 * leaves a processor, and no partial result is copied: what crosses members is one map per
 * processor (JDK types, Hazelcast's own serializers).
 */
public final class WordCountAggregation {
  private WordCountAggregation() {}

  /** The aggregation. */
  public static AggregateOperation1<String, HashMap<String, long[]>, WordCounts> of() {
    return AggregateOperation.withCreate(HashMap<String, long[]>::new)
        .<String>andAccumulate(WordCountAggregation::count)
        .andCombine(WordCountAggregation::add)
        .andExportFinish(WordCountAggregation::result);
  }

  private static void count(HashMap<String, long[]> counts, String line) {
    WordInterner.local().forEach(line, w -> counts.computeIfAbsent(w, k -> new long[1])[0]++);
  }

  private static void add(HashMap<String, long[]> into, HashMap<String, long[]> other) {
    other.forEach((w, n) -> into.computeIfAbsent(w, k -> new long[1])[0] += n[0]);
  }

  private static WordCounts result(HashMap<String, long[]> counts) {
    Map<String, Long> plain = new HashMap<>(counts.size() * 2);
    counts.forEach((w, n) -> plain.put(w, n[0]));
    return new WordCounts(plain);
  }
}
