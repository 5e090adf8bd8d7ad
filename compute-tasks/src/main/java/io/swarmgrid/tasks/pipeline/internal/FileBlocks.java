package io.swarmgrid.tasks.pipeline.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An open file read as blocks of whole lines, one block ahead: what {@link TextChunks} (chars) and
 * {@link ByteChunks} (bytes) share. A subclass reads the next block, or null at the end; the file
 * is closed at its end, on a read error, or when the stream is closed.
 */
abstract class FileBlocks<T> implements Iterator<T> {
  private final Closeable file;
  private T next;
  private boolean ended;

  FileBlocks(Closeable file) {
    this.file = file;
  }

  /** The next block, or null at the end of the file. */
  abstract T readBlock() throws IOException;

  /** {@code blocks} as a stream that closes the file when it is closed. */
  static <T> Stream<T> stream(FileBlocks<T> blocks) {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(blocks, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(blocks::close);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !ended) {
      try {
        next = readBlock();
      } catch (IOException e) {
        close();
        throw new UncheckedIOException(e);
      }
      if (next == null) {
        close();
      }
    }
    return next != null;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T block = next;
    next = null;
    return block;
  }

  final void close() {
    ended = true;
    try {
      file.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
