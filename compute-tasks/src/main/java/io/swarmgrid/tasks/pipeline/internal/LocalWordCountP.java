package io.swarmgrid.tasks.pipeline.internal;

import com.hazelcast.jet.Traverser;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.Util;
import com.hazelcast.jet.core.AbstractProcessor;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the words of the lines it receives into a local map and, when its input is done, emits one
 * {@code (word, count)} entry per distinct word: a combiner before the grouping, so what goes
 * through Jet's queues and across members is one item per distinct word and processor, not one per
 * word occurrence.
 */
public final class LocalWordCountP extends AbstractProcessor {
  private final Map<String, long[]> counts = new HashMap<>();
  private Traverser<Map.Entry<String, Long>> output;

  @Override
  protected boolean tryProcess(int ordinal, Object line) {
    WordInterner.local()
        .forEach((String) line, w -> counts.computeIfAbsent(w, k -> new long[1])[0]++);
    return true;
  }

  @Override
  public boolean complete() {
    if (output == null) {
      output =
          Traversers.traverseIterable(counts.entrySet())
              .map(e -> Util.entry(e.getKey(), e.getValue()[0]));
    }
    return emitFromTraverser(output);
  }
}
