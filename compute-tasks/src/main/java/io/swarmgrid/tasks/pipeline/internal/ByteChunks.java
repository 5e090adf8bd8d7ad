package io.swarmgrid.tasks.pipeline.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * A file as blocks of whole lines of raw bytes (about {@value #BLOCK_BYTES} each, every block
 * ending at a {@code '\n'} or the end of the file): no decoding into chars and no {@code String}
 * per block, for a consumer that reads ASCII lines as bytes and decodes only the others as UTF-8
 * ({@link WordTable#countWords(byte[])}). A line longer than a block is one longer block.
 */
public final class ByteChunks extends FileBlocks<byte[]> {
  static final int BLOCK_BYTES = 1 << 20;

  private final InputStream in;
  private byte[] carry = new byte[0];

  private ByteChunks(InputStream in) {
    super(in);
    this.in = in;
  }

  /**
   * The blocks of {@code file}; the stream closes the file when it is closed or read to its end.
   */
  public static Stream<byte[]> read(Path file) throws IOException {
    return stream(new ByteChunks(Files.newInputStream(file)));
  }

  @Override
  byte[] readBlock() throws IOException {
    byte[] buffer = Arrays.copyOf(carry, carry.length + BLOCK_BYTES);
    int filled = carry.length;
    while (true) {
      int n = in.readNBytes(buffer, filled, buffer.length - filled);
      filled += n;
      if (filled < buffer.length) {
        // end of the file: what is left is the last block
        carry = new byte[0];
        return filled == 0 ? null : Arrays.copyOf(buffer, filled);
      }
      int lastBreak = lastBreak(buffer, filled);
      if (lastBreak >= 0) {
        carry = Arrays.copyOfRange(buffer, lastBreak + 1, filled);
        return lastBreak + 1 == filled ? buffer : Arrays.copyOf(buffer, lastBreak + 1);
      }
      // one line longer than the buffer: read on
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
  }

  private static int lastBreak(byte[] bytes, int length) {
    for (int i = length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
