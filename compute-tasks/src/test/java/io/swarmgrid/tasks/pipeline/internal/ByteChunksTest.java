package io.swarmgrid.tasks.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ByteChunksTest {
  @TempDir Path dir;

  List<byte[]> blocks(byte[] bytes) throws Exception {
    Path file = dir.resolve("f.log");
    Files.write(file, bytes);
    try (Stream<byte[]> s = ByteChunks.read(file)) {
      return s.toList();
    }
  }

  @Test
  void blocksAreWholeLinesThatJoinBackToTheFile_acrossMultiByteCharsAndLongLines()
      throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 60_000; i++) {
      text.append("line ").append(i).append(" ÇAĞ 日本語 𝔘 word\n");
    }
    text.append("x".repeat(3 * ByteChunks.BLOCK_BYTES)).append('\n');
    text.append("last line without a break");
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    List<byte[]> blocks = blocks(bytes);
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (byte[] b : blocks) {
      joined.write(b);
    }
    assertThat(joined.toByteArray()).isEqualTo(bytes);
    assertThat(blocks).hasSizeGreaterThan(2);
    assertThat(blocks.subList(0, blocks.size() - 1)).allMatch(b -> b[b.length - 1] == '\n');
    // a line break is one byte that no UTF-8 multi-byte char contains, so every block decodes whole
    assertThat(new String(blocks.get(0), StandardCharsets.UTF_8)).startsWith("line 0 ÇAĞ 日本語 𝔘");
  }

  @Test
  void fileOfExactlyOneBlockEndingWithABreak_isOneBlock() throws Exception {
    byte[] bytes = new byte[ByteChunks.BLOCK_BYTES];
    java.util.Arrays.fill(bytes, (byte) 'a');
    bytes[bytes.length - 1] = '\n';
    assertThat(blocks(bytes)).hasSize(1);
    assertThat(blocks(bytes).get(0)).isEqualTo(bytes);
  }

  @Test
  void emptyFileHasNoBlocks() throws Exception {
    assertThat(blocks(new byte[0])).isEmpty();
  }
}
