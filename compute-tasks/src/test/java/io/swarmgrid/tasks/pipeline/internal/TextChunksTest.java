package io.swarmgrid.tasks.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextChunksTest {
  @TempDir Path dir;

  List<String> blocks(String text) throws Exception {
    Path file = dir.resolve("f.log");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    try (Stream<String> s = TextChunks.read(file)) {
      return s.toList();
    }
  }

  @Test
  void blocksAreWholeLinesThatJoinBackToTheFile_acrossMultiByteCharsAndLongLines()
      throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("line ").append(i).append(" ÇAĞ 日本語 𝔘 word\n");
    }
    text.append("x".repeat(3 * TextChunks.BLOCK_CHARS)).append('\n');
    text.append("last line without a break");
    List<String> blocks = blocks(text.toString());
    assertThat(String.join("", blocks)).isEqualTo(text.toString());
    assertThat(blocks).hasSizeGreaterThan(10);
    assertThat(blocks.subList(0, blocks.size() - 1)).allMatch(b -> b.endsWith("\n"));
  }

  @Test
  void emptyFileHasNoBlocks() throws Exception {
    assertThat(blocks("")).isEmpty();
  }
}
