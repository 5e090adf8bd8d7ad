package io.swarmgrid.tasks.pipeline.internal;

import com.hazelcast.function.BiConsumerEx;
import com.hazelcast.jet.aggregate.AggregateOperation;
import com.hazelcast.jet.aggregate.AggregateOperation1;
import io.swarmgrid.tasks.workload.WordCounts;

/**
 * Word count as one Jet aggregation over lines or blocks of lines (chars, or UTF-8 bytes): each
 * processor counts the words of everything it reads straight into one {@link WordTable} (a word
 * seen before is one probe of an open-addressing table by its chars: no {@code String}, no boxed
 * count), the members' tables are combined by adding into the first, and the result is exported
 * once as a {@link WordCounts}. No item per word or per batch leaves a processor, and no partial
 * result is copied: what crosses members is one table per processor ({@code
 * IdentifiedDataSerializable}).
 */
public final class WordCountAggregation {
  private WordCountAggregation() {}

  /** The aggregation over lines or blocks of lines. */
  public static AggregateOperation1<String, WordTable, WordCounts> of() {
    return over(WordTable::countWords);
  }

  /** The aggregation over UTF-8 blocks of whole lines ({@link ByteChunks}). */
  public static AggregateOperation1<byte[], WordTable, WordCounts> ofBytes() {
    return over(WordTable::countWords);
  }

  private static <T> AggregateOperation1<T, WordTable, WordCounts> over(
      BiConsumerEx<WordTable, T> count) {
    return AggregateOperation.withCreate(WordTable::new)
        .<T>andAccumulate(count)
        .andCombine(WordTable::addAll)
        .andExportFinish(t -> new WordCounts(t.toMap()));
  }
}
