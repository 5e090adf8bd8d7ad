package io.swarmgrid.tasks.workload;

import io.swarmgrid.tasks.pipeline.SwarmPipelines;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts words the way {@link SwarmPipelines#wordCount} does, so a diffusion run, the Jet pipeline
 * and a single thread can be compared.
 */
public final class WordCount implements Workload<WordCounts> {
  private static final long serialVersionUID = 1L;

  /** The name this workload is registered under. */
  public static final String NAME = "word-count";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public WordCounts empty() {
    return new WordCounts(Map.of());
  }

  @Override
  public WordCounts process(List<String> records) {
    Map<String, Long> counts = new HashMap<>();
    for (String line : records) {
      for (String word : SwarmPipelines.words(line)) {
        counts.merge(word, 1L, Long::sum);
      }
    }
    return new WordCounts(counts);
  }

  @Override
  public WordCounts merge(WordCounts left, WordCounts right) {
    Map<String, Long> sum = new HashMap<>(left.counts());
    right.counts().forEach((word, n) -> sum.merge(word, n, Long::sum));
    return new WordCounts(sum);
  }
}
