package io.swarmgrid.plugin.monitoring.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The complete lines appended to a file since the last read, like {@code tail -F}: a file that does
 * not exist yet reads as empty, one that shrank (rotated or truncated) is read again from its
 * start, and a last line without its newline waits for the next read. Not thread-safe: one scanner.
 */
public final class LogTail {
  /** Most bytes read at once, so that a burst is taken over several scans. */
  static final int MAX_READ = 4 * 1024 * 1024;

  private final Path file;
  private long position;

  /**
   * @param file the file
   * @param fromEnd whether lines already in the file are skipped (a member starting over an old log
   *     does not report its past)
   */
  public LogTail(Path file, boolean fromEnd) throws IOException {
    this.file = file;
    this.position = fromEnd && Files.isRegularFile(file) ? Files.size(file) : 0;
  }

  /** The complete lines appended since the last call. */
  public List<String> read() throws IOException {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long size = in.length();
      if (size < position) {
        position = 0;
      }
      int length = (int) Math.min(size - position, MAX_READ);
      byte[] bytes = new byte[length];
      in.seek(position);
      in.readFully(bytes);
      int end = lastNewline(bytes);
      if (end < 0) {
        return List.of();
      }
      position += end + 1;
      List<String> lines = new ArrayList<>();
      for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\r?\n")) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
      return lines;
    }
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
