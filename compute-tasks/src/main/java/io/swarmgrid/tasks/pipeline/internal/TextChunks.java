package io.swarmgrid.tasks.pipeline.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A UTF-8 text file as blocks of whole lines (about {@value #BLOCK_CHARS} chars each, every block
 * ending at a line break or the end of the file): one item per block through a Jet job instead of
 * one per line, for work that treats a line break like any other separator, such as word count.
 */
public final class TextChunks implements Iterator<String> {
  static final int BLOCK_CHARS = 1 << 16;

  private final Reader reader;
  private final char[] buffer = new char[BLOCK_CHARS];
  private final StringBuilder carry = new StringBuilder();
  private String next;
  private boolean ended;

  private TextChunks(Reader reader) {
    this.reader = reader;
  }

  /**
   * The blocks of {@code file}; the stream closes the file when it is closed or read to its end.
   */
  public static Stream<String> read(Path file) throws IOException {
    TextChunks chunks = new TextChunks(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(chunks, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(chunks::close);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !ended) {
      next = readBlock();
    }
    return next != null;
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String block = next;
    next = null;
    return block;
  }

  private String readBlock() {
    try {
      while (true) {
        int n = reader.read(buffer);
        if (n < 0) {
          close();
          return carry.isEmpty() ? null : take(carry.length());
        }
        carry.append(buffer, 0, n);
        int lastBreak = carry.lastIndexOf("\n");
        if (lastBreak >= 0 && carry.length() >= BLOCK_CHARS / 2) {
          return take(lastBreak + 1);
        }
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    }
  }

  private String take(int chars) {
    String block = carry.substring(0, chars);
    carry.delete(0, chars);
    return block;
  }

  private void close() {
    ended = true;
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
