package io.swarmgrid.tasks.pipeline;

import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.aggregate.AggregateOperations;
import com.hazelcast.jet.pipeline.BatchSource;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sinks;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Ready Jet pipelines. Their classes are in the plugin jar, so a client submits them with no
 * uploaded classes. Each one says where it runs and what it writes.
 */
public final class SwarmPipelines {
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}_]+");

  private SwarmPipelines() {}

  /**
   * Counts words in {@code lines} into the map {@code sinkMap} (word to count). Words are lower-cased
   * runs of letters, digits and {@code _}; runs of digits alone (timestamps, ids) are not words. The
   * counting is a two-stage aggregation: partial counts on every member, combined on the member that
   * owns each word's partition, and written next to it.
   */
  public static Pipeline wordCount(BatchSource<String> lines, String sinkMap) {
    Pipeline p = Pipeline.create();
    p.readFrom(lines)
        .flatMap(line -> Traversers.traverseArray(words(line)))
        .groupingKey(FunctionEx.identity())
        .aggregate(AggregateOperations.counting())
        .writeTo(Sinks.map(sinkMap));
    return p;
  }

  /** The words of one line, as {@link #wordCount} counts them. */
  public static String[] words(String line) {
    return Arrays.stream(NON_WORD.split(line.toLowerCase(Locale.ROOT)))
        .filter(w -> !w.isEmpty() && !w.chars().allMatch(Character::isDigit))
        .toArray(String[]::new);
  }
}
