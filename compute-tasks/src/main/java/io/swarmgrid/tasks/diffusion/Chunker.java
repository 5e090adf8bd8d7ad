package io.swarmgrid.tasks.diffusion;

import io.swarmgrid.tasks.workload.Workload;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts an input into chunks of about {@code chunkChars} characters that end at record boundaries,
 * so that a record is never split between shares, for any {@link Workload}: a window is read, the
 * workload cuts it into records, and the window is cut where its last record starts (that record
 * may be incomplete and moves on to the next window). A workload whose last record cannot be found
 * verbatim in the window is cut at the window's last line break. A record longer than a window
 * makes the window grow until it holds two records or the input ends.
 */
public final class Chunker {
  private Chunker() {}

  /**
   * Reads {@code in} to its end and hands each chunk's text to {@code out}, in input order. Chunks
   * holding no record are left out.
   */
  public static void chunk(Workload<?> workload, Reader in, int chunkChars, Consumer<String> out)
      throws IOException {
    StringBuilder buffer = new StringBuilder(chunkChars + 1024);
    char[] read = new char[64 * 1024];
    int target = chunkChars;
    boolean eof = false;
    while (true) {
      while (!eof && buffer.length() < target) {
        int n = in.read(read, 0, Math.min(read.length, target - buffer.length()));
        if (n < 0) {
          eof = true;
        } else {
          buffer.append(read, 0, n);
        }
      }
      if (buffer.length() == 0) {
        return;
      }
      String window = buffer.toString();
      if (eof) {
        emit(workload, window, out);
        return;
      }
      int cut = cut(workload, window);
      if (cut <= 0) {
        target += chunkChars;
        continue;
      }
      emit(workload, window.substring(0, cut), out);
      buffer.setLength(0);
      buffer.append(window, cut, window.length());
      target = Math.max(chunkChars, buffer.length() + 1);
    }
  }

  private static int cut(Workload<?> workload, String window) {
    List<String> records = workload.records(window);
    if (records.size() < 2) {
      return -1;
    }
    // The last record (possibly cut short by the window) starts as many lines from the end as it
    // has lines. Counted, not searched for: a record rebuilt by records() (e.g. a document whose
    // last line is cut) need not appear verbatim in the window.
    long lines = Math.max(1, records.get(records.size() - 1).lines().count());
    int pos = window.endsWith("\n") ? window.length() - 1 : window.length();
    int start = 0;
    for (long i = 0; i < lines; i++) {
      int nl = pos <= 0 ? -1 : window.lastIndexOf('\n', pos - 1);
      start = nl + 1;
      if (nl < 0) {
        break;
      }
      pos = nl;
    }
    return start;
  }

  private static void emit(Workload<?> workload, String text, Consumer<String> out) {
    if (!workload.records(text).isEmpty()) {
      out.accept(text);
    }
  }
}
