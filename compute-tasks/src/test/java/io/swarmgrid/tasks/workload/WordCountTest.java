package io.swarmgrid.tasks.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordCountTest {
  private final WordCount wordCount = new WordCount();

  @Test
  void countsWordsAndSkipsNumbers() {
    WordCounts counts = wordCount.process(List.of("Error: disk full", "error 42 at disk0"));
    assertEquals(2L, counts.counts().get("error"));
    assertEquals(1L, counts.counts().get("disk0"));
    assertTrue(!counts.counts().containsKey("42"));
    assertEquals(6L, counts.total());
  }

  @Test
  void anySplitIntoSharesMergesToTheWholeResult() {
    List<String> lines = List.of("a b c", "b c d", "c d e", "the quick fox", "a a a", "x");
    WordCounts whole = wordCount.process(lines);
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      WordCounts merged = wordCount.empty();
      List<String> share = new ArrayList<>();
      for (String line : lines) {
        share.add(line);
        if (random.nextInt(3) == 0) {
          merged =
              random.nextBoolean()
                  ? wordCount.merge(merged, wordCount.process(share))
                  : wordCount.merge(wordCount.process(share), merged);
          share = new ArrayList<>();
        }
      }
      merged = wordCount.merge(merged, wordCount.process(share));
      assertEquals(whole, merged, "seed 7 round " + round);
    }
  }

  @Test
  void unknownNameIsRefusedWithTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Workloads.byName("wordcount"));
    assertTrue(
        e.getMessage().contains("'wordcount'") && e.getMessage().contains("word-count"),
        e.getMessage());
    assertEquals(WordCount.NAME, Workloads.byName("word-count").name());
  }
}
