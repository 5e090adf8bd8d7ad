package io.swarmgrid.tasks.workload;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * An inverted index: a value (copied, unmodifiable).
 *
 * @param postings term to (document id to term frequency)
 * @param docLengths document id to its number of indexed terms
 */
public record SearchIndex(
    Map<String, Map<String, Integer>> postings, Map<String, Integer> docLengths)
    implements Serializable {

  /** Copies everything. */
  public SearchIndex {
    Map<String, Map<String, Integer>> copy = new HashMap<>();
    postings.forEach((term, docs) -> copy.put(term, Map.copyOf(docs)));
    postings = Map.copyOf(copy);
    docLengths = Map.copyOf(docLengths);
  }

  /** Number of documents. */
  public int documents() {
    return docLengths.size();
  }

  /** Mean document length in terms; 0 for an empty index. */
  public double averageLength() {
    return docLengths.isEmpty()
        ? 0
        : docLengths.values().stream().mapToLong(Integer::longValue).sum()
            / (double) docLengths.size();
  }
}
