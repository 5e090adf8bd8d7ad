package io.swarmgrid.tasks.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.tasks.workload.WordCounts;

/** Compact form of {@link WordCounts}: {@code wordsKeys} and {@code wordsCounts}. */
final class WordCountsSerializer implements CompactSerializer<WordCounts> {
  @Override
  public WordCounts read(CompactReader in) {
    return new WordCounts(Counts.read(in, "words"));
  }

  @Override
  public void write(CompactWriter out, WordCounts v) {
    Counts.write(out, "words", v.counts());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.WordCounts";
  }

  @Override
  public Class<WordCounts> getCompactClass() {
    return WordCounts.class;
  }
}
