package io.swarmgrid.tasks.workload;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Word to number of occurrences; a value (copied, unmodifiable). */
public record WordCounts(Map<String, Long> counts) implements Serializable {

  /** Copies {@code counts}. */
  public WordCounts {
    counts = Map.copyOf(counts);
  }

  /** Sum of all counts. */
  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The {@code n} most frequent words, ties broken alphabetically. */
  public List<Map.Entry<String, Long>> top(int n) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .toList();
  }
}
