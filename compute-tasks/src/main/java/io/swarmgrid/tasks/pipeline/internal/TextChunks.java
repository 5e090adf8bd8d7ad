package io.swarmgrid.tasks.pipeline.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A UTF-8 text file as blocks of whole lines (about {@value #BLOCK_CHARS} chars each, every block
 * ending at a line break or the end of the file): one item per block through a Jet job instead of
 * one per line, for work that treats a line break like any other separator, such as word count.
 */
public final class TextChunks extends FileBlocks<String> {
  static final int BLOCK_CHARS = 1 << 16;

  private final Reader reader;
  private final char[] buffer = new char[BLOCK_CHARS];
  private final StringBuilder carry = new StringBuilder();

  private TextChunks(Reader reader) {
    super(reader);
    this.reader = reader;
  }

  /**
   * The blocks of {@code file}; the stream closes the file when it is closed or read to its end.
   */
  public static Stream<String> read(Path file) throws IOException {
    return stream(new TextChunks(Files.newBufferedReader(file, StandardCharsets.UTF_8)));
  }

  @Override
  String readBlock() throws IOException {
    while (true) {
      int n = reader.read(buffer);
      if (n < 0) {
        return carry.isEmpty() ? null : take(carry.length());
      }
      carry.append(buffer, 0, n);
      int lastBreak = carry.lastIndexOf("\n");
      if (lastBreak >= 0 && carry.length() >= BLOCK_CHARS / 2) {
        return take(lastBreak + 1);
      }
    }
  }

  private String take(int chars) {
    String block = carry.substring(0, chars);
    carry.delete(0, chars);
    return block;
  }
}
