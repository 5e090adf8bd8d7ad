package io.swarmgrid.tasks.pipeline.internal;

import static io.swarmgrid.tasks.pipeline.internal.LogLineScan.digit;
import static io.swarmgrid.tasks.pipeline.internal.LogLineScan.word;

/**
 * {@link io.swarmgrid.tasks.workload.LogAnalysis#template}'s masking without regular expressions,
 * for a message of printable ASCII: the same five replacements in the same order (IP, block id,
 * hex, path, number), each a left-to-right scan that replaces what its pattern's {@code find} would
 * match (boundaries {@code \b} read the pass's input, as a {@code Matcher} does), then the spaces
 * stripped and collapsed. Two char buffers are reused between lines; {@link #mask} leaves the
 * result in {@link #text}, {@link #length} chars.
 */
final class LogMasker {
  char[] text = new char[256];
  int length;
  private char[] spare = new char[256];

  /** Masks {@code c[from, to)}. */
  void mask(char[] c, int from, int to) {
    ensure(to - from);
    System.arraycopy(c, from, text, 0, to - from);
    length = to - from;
    pass(IP);
    pass(BLOCK);
    pass(HEX);
    pass(PATH);
    pass(NUMBER);
    collapseSpaces();
  }

  private static final char[][] REPLACEMENTS = {
    "<ip>".toCharArray(),
    "<blk>".toCharArray(),
    "<hex>".toCharArray(),
    "<path>".toCharArray(),
    "<n>".toCharArray()
  };

  private static final int IP = 0;
  private static final int BLOCK = 1;
  private static final int HEX = 2;
  private static final int PATH = 3;
  private static final int NUMBER = 4;

  private void pass(int kind) {
    char[] s = text;
    int n = length;
    char[] replacement = REPLACEMENTS[kind];
    // a replacement is at most 3 times what it replaces ("<n>" for one digit)
    if (spare.length < n * 3) {
      spare = new char[n * 3];
    }
    char[] out = spare;
    int o = 0;
    int i = 0;
    while (i < n) {
      int end = match(kind, s, i, n);
      if (end > i) {
        System.arraycopy(replacement, 0, out, o, replacement.length);
        o += replacement.length;
        i = end;
      } else {
        out[o++] = s[i++];
      }
    }
    spare = text;
    text = out;
    length = o;
  }

  /** The end of {@code kind}'s match at {@code i}, or -1. */
  private static int match(int kind, char[] s, int i, int n) {
    return switch (kind) {
      case IP -> ip(s, i, n);
      case BLOCK -> block(s, i, n);
      case HEX -> hex(s, i, n);
      case PATH -> path(s, i, n);
      default -> number(s, i, n);
    };
  }

  // \b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b
  private static int ip(char[] s, int i, int n) {
    if (!digit(s[i]) || (i > 0 && word(s[i - 1]))) {
      return -1;
    }
    int p = i;
    for (int group = 0; group < 4; group++) {
      int q = digitsEnd(s, p, n);
      if (q == p || q - p > 3) {
        return -1;
      }
      if (group == 3) {
        p = q;
      } else if (q >= n || s[q] != '.') {
        return -1;
      } else {
        p = q + 1;
      }
    }
    // a port only with a boundary after it; else the address alone, before a non-word char
    if (p < n && s[p] == ':') {
      int f = digitsEnd(s, p + 1, n);
      if (f > p + 1 && (f == n || !word(s[f]))) {
        return f;
      }
    }
    return p == n || !word(s[p]) ? p : -1;
  }

  // blk_-?\d+
  private static int block(char[] s, int i, int n) {
    if (i + 5 > n || s[i] != 'b' || s[i + 1] != 'l' || s[i + 2] != 'k' || s[i + 3] != '_') {
      return -1;
    }
    int p = i + 4;
    if (s[p] == '-' && p + 1 < n && digit(s[p + 1])) {
      p++;
    }
    int e = digitsEnd(s, p, n);
    return e > p ? e : -1;
  }

  // \b0x[0-9a-fA-F]+\b|\b[0-9a-fA-F]{8,}\b
  private static int hex(char[] s, int i, int n) {
    if (!word(s[i]) || (i > 0 && word(s[i - 1]))) {
      return -1;
    }
    if (s[i] == '0' && i + 1 < n && s[i + 1] == 'x') {
      int e = hexEnd(s, i + 2, n);
      if (e > i + 2 && (e == n || !word(s[e]))) {
        return e;
      }
    }
    int e = hexEnd(s, i, n);
    return e - i >= 8 && (e == n || !word(s[e])) ? e : -1;
  }

  // (?:/[\w.\-]+)+/?
  private static int path(char[] s, int i, int n) {
    int p = i;
    while (p + 1 < n && s[p] == '/' && pathChar(s[p + 1])) {
      p += 2;
      while (p < n && pathChar(s[p])) {
        p++;
      }
    }
    if (p == i) {
      return -1;
    }
    return p < n && s[p] == '/' ? p + 1 : p;
  }

  // [-+]?\d+(?:[.:,]\d+)*
  private static int number(char[] s, int i, int n) {
    int p = i;
    if ((s[p] == '-' || s[p] == '+') && p + 1 < n && digit(s[p + 1])) {
      p++;
    }
    int e = digitsEnd(s, p, n);
    if (e == p) {
      return -1;
    }
    while (e + 1 < n && (s[e] == '.' || s[e] == ':' || s[e] == ',') && digit(s[e + 1])) {
      e = digitsEnd(s, e + 1, n);
    }
    return e;
  }

  /** {@code strip()} and {@code \s+} to one space, with {@code ' '} the only white space. */
  private void collapseSpaces() {
    char[] s = text;
    int o = 0;
    boolean space = false;
    for (int i = 0; i < length; i++) {
      char ch = s[i];
      if (ch == ' ') {
        space = o > 0;
      } else {
        if (space) {
          s[o++] = ' ';
          space = false;
        }
        s[o++] = ch;
      }
    }
    length = o;
  }

  private static int digitsEnd(char[] s, int p, int n) {
    while (p < n && digit(s[p])) {
      p++;
    }
    return p;
  }

  private static int hexEnd(char[] s, int p, int n) {
    while (p < n && (digit(s[p]) || (s[p] >= 'a' && s[p] <= 'f') || (s[p] >= 'A' && s[p] <= 'F'))) {
      p++;
    }
    return p;
  }

  private static boolean pathChar(char ch) {
    return word(ch) || ch == '.' || ch == '-';
  }

  private void ensure(int n) {
    if (text.length < n) {
      text = new char[Math.max(n, text.length * 2)];
    }
  }
}
