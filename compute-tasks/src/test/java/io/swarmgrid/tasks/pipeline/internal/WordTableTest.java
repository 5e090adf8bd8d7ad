package io.swarmgrid.tasks.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The count table counts what one plain map of {@link Words}' words counts, however it is fed. */
class WordTableTest {
  static Map<String, Long> plainCounts(List<String> lines) {
    Map<String, Long> counts = new HashMap<>();
    for (String line : lines) {
      Words.forEach(line, w -> counts.merge(w, 1L, Long::sum));
    }
    return counts;
  }

  @Test
  void countsLineByLine_andInBlocks_asOnePlainMap_onEverySampleLine_andUnicode() throws Exception {
    List<String> lines = WordsTest.sampleLines();
    Map<String, Long> expected = plainCounts(lines);

    WordTable byLine = new WordTable();
    lines.forEach(byLine::countWords);
    assertThat(byLine.toMap()).isEqualTo(expected);
    assertThat(byLine.size()).isEqualTo(expected.size());

    WordTable byBlock = new WordTable();
    for (int i = 0; i < lines.size(); i += 37) {
      byBlock.countWords(String.join("\n", lines.subList(i, Math.min(i + 37, lines.size()))));
    }
    assertThat(byBlock.toMap()).isEqualTo(expected);

    WordTable byBytes = new WordTable();
    for (int i = 0; i < lines.size(); i += 37) {
      String block = String.join("\n", lines.subList(i, Math.min(i + 37, lines.size())));
      byBytes.countWords(block.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(byBytes.toMap()).isEqualTo(expected);
  }

  @Test
  void grows_keepingEveryCount() {
    WordTable table = new WordTable();
    int initial = table.capacity();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 10_000; i++) {
        table.countWords("w" + i + " 12345 W" + i);
      }
    }
    assertThat(table.size()).isEqualTo(10_000);
    assertThat(table.capacity()).isGreaterThan(initial).isGreaterThanOrEqualTo(2 * table.size());
    for (int i = 0; i < 10_000; i++) {
      assertThat(table.count("w" + i)).as("w" + i).isEqualTo(6);
    }
    assertThat(table.count("12345")).isZero();
    assertThat(table.count("absent")).isZero();
  }

  @Test
  void wordsWithTheSameHash_keepTheirOwnCounts() {
    WordTable table = new WordTable();
    char[] chars = "alphabetagamma".toCharArray();
    // three different words forced onto one hash: every probe of them collides
    for (int i = 0; i < 5; i++) {
      table.add(chars, 0, 5, 42, 1);
      table.add(chars, 5, 4, 42, 2);
      table.add(chars, 9, 5, 42, 3);
    }
    assertThat(table.size()).isEqualTo(3);
    Map<String, Long> counts = table.toMap();
    assertThat(counts)
        .containsExactlyInAnyOrderEntriesOf(Map.of("alpha", 5L, "beta", 10L, "gamma", 15L));
    // real String hash collisions ("Aa" and "BB") through the public entry
    table.add("Aa", 1);
    table.add("BB", 7);
    assertThat(table.count("Aa")).isEqualTo(1);
    assertThat(table.count("BB")).isEqualTo(7);
  }

  @Test
  void tablesOfRandomShares_mergeToOneThreadsCounts() throws Exception {
    List<String> lines = WordsTest.sampleLines();
    Map<String, Long> expected = plainCounts(lines);
    for (long seed = 1; seed <= 5; seed++) {
      Random random = new Random(seed);
      List<WordTable> members = new ArrayList<>();
      for (int m = 0; m < 3; m++) {
        members.add(new WordTable());
      }
      for (int i = 0; i < lines.size(); ) {
        int n = 1 + random.nextInt(200);
        String block = String.join("\n", lines.subList(i, Math.min(i + n, lines.size())));
        WordTable member = members.get(random.nextInt(members.size()));
        if (random.nextBoolean()) {
          member.countWords(block);
        } else {
          member.countWords(block.getBytes(StandardCharsets.UTF_8));
        }
        i += n;
      }
      Collections.shuffle(members, random);
      WordTable merged = new WordTable();
      members.forEach(merged::addAll);
      assertThat(merged.toMap()).as("seed " + seed).isEqualTo(expected);
    }
  }
}
