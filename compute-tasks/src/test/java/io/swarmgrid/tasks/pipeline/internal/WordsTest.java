package io.swarmgrid.tasks.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WordsTest {
  /** The regular-expression definition the code-point loop replaces. */
  static List<String> byRegex(String line) {
    return Arrays.stream(Pattern.compile("[^\\p{L}\\p{N}_]+").split(line.toLowerCase(Locale.ROOT)))
        .filter(w -> !w.isEmpty() && !w.chars().allMatch(Character::isDigit))
        .toList();
  }

  static List<String> byLoop(String line) {
    List<String> words = new ArrayList<>();
    Words.forEach(line, words::add);
    return words;
  }

  static List<String> byInterner(String line) {
    List<String> words = new ArrayList<>();
    WordInterner.local().forEach(line, words::add);
    return words;
  }

  static List<String> sampleLines() throws Exception {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("../deploy/samples/loghub"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList()) {
        lines.addAll(Files.readAllLines(f));
      }
    }
    lines.addAll(
        List.of(
            "",
            "  ",
            "123 456",
            "İstanbul ÇAĞ straße",
            "x²+y³ Ⅻ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚",
            "a_b __ 12_34",
            "٣٤ abc٣",
            "日本語のテキスト, 中文",
            "MiXeD_Case WORD word Word2 ___ 0x1F 2026-11-30T20:00 [a]b{c}",
            "tab\tseparated\u0000nul\u007fdel ~!@#$%^&*()-+=|\\/?.,<>;:'\""));
    return lines;
  }

  @Test
  void sameWordsAsTheRegularExpression_onEverySampleLine_andUnicode() throws Exception {
    for (String line : sampleLines()) {
      assertThat(byLoop(line)).as(line).isEqualTo(byRegex(line));
    }
  }

  @Test
  void internerCutsTheSameWords_andGivesARepeatedWordOneInstance() throws Exception {
    for (String line : sampleLines()) {
      assertThat(byInterner(line)).as(line).isEqualTo(byLoop(line));
    }
    List<String> lines = sampleLines();
    List<String> perLine = new ArrayList<>();
    lines.forEach(line -> perLine.addAll(byLoop(line)));
    assertThat(byInterner(String.join("\n", lines))).isEqualTo(perLine);
    assertThat(byInterner(String.join("\r\n", lines) + "\n")).isEqualTo(perLine);
    List<String> twice = byInterner("Alpha beta ALPHA alpha");
    assertThat(twice).containsExactly("alpha", "beta", "alpha", "alpha");
    assertThat(twice.get(2)).isSameAs(twice.get(0)).isSameAs(twice.get(3));
  }
}
