package io.swarmgrid.tasks.pipeline.internal;

/**
 * {@link io.swarmgrid.tasks.workload.LogLine#parse} without regular expressions, for a line of
 * printable ASCII only (chars 0x20..0x7E, stripped, not empty): finds the level, source and message
 * as spans of the line's chars, tried in the same order (BGL, Thunderbird, HDFS, syslog, other) and
 * with the same result as the patterns there. With only {@code ' '} as white space, each pattern's
 * {@code \S+ } fields are tokens between single spaces and none of its quantifiers can backtrack
 * into another match, so each is checked left to right. A reused object: {@link #scan} sets the
 * spans, which index the chars it was given; a span with {@code from == -1} is {@code -}.
 */
final class LogLineScan {
  int levelFrom;
  int levelTo;
  int sourceFrom;
  int sourceTo;
  int messageFrom;
  int messageTo;

  void scan(char[] c, int n) {
    if (bgl(c, n) || thunderbird(c, n) || hdfs(c, n) || syslog(c, n)) {
      return;
    }
    levelFrom = -1;
    sourceFrom = -1;
    messageFrom = 0;
    messageTo = n;
  }

  // ^(\S+) \d{10} \d{4}\.\d\d\.\d\d \S+ \d{4}-\d\d-\d\d-\d\d\.\d\d\.\d\d\.\d+ \S+ \S+ (\S+) (\S+)
  // ?(.*)$
  private boolean bgl(char[] c, int n) {
    int p = token(c, 0, n);
    if (p < 0 || (p = digits(c, p, n, 10)) < 0 || (p = date(c, p, n)) < 0) {
      return false;
    }
    if ((p = token(c, p, n)) < 0) {
      return false;
    }
    int e = tokenEnd(c, p, n);
    if (!stamp(c, p, e) || e >= n) {
      return false;
    }
    p = e + 1;
    if ((p = token(c, p, n)) < 0 || (p = token(c, p, n)) < 0) {
      return false;
    }
    int sourceStart = p;
    if ((p = token(c, p, n)) < 0) {
      return false;
    }
    int levelEnd = tokenEnd(c, p, n);
    if (levelEnd == p) {
      return false;
    }
    sourceFrom = sourceStart;
    sourceTo = p - 1;
    levelFrom = p;
    levelTo = levelEnd;
    messageFrom = levelEnd == n ? n : levelEnd + 1;
    messageTo = n;
    return true;
  }

  // ^(\S+) \d{10} \d{4}\.\d\d\.\d\d \S+ \w{3} +\d+ \d\d:\d\d:\d\d \S+ ?(.*)$
  private boolean thunderbird(char[] c, int n) {
    int p = token(c, 0, n);
    if (p < 0 || (p = digits(c, p, n, 10)) < 0 || (p = date(c, p, n)) < 0) {
      return false;
    }
    if ((p = token(c, p, n)) < 0) {
      return false;
    }
    return syslogTail(c, p, n);
  }

  // ^\w{3} +\d+ \d\d:\d\d:\d\d \S+ ?(.*)$
  private boolean syslog(char[] c, int n) {
    return syslogTail(c, 0, n);
  }

  /** {@code \w{3} +\d+ \d\d:\d\d:\d\d \S+ ?(.*)$} from {@code p}, then the process part. */
  private boolean syslogTail(char[] c, int p, int n) {
    if (p + 4 > n || !word(c[p]) || !word(c[p + 1]) || !word(c[p + 2]) || c[p + 3] != ' ') {
      return false;
    }
    p += 4;
    while (p < n && c[p] == ' ') {
      p++;
    }
    if ((p = digitRun(c, p, n)) < 0) {
      return false;
    }
    if (p + 9 > n
        || !digit(c[p])
        || !digit(c[p + 1])
        || c[p + 2] != ':'
        || !digit(c[p + 3])
        || !digit(c[p + 4])
        || c[p + 5] != ':'
        || !digit(c[p + 6])
        || !digit(c[p + 7])
        || c[p + 8] != ' ') {
      return false;
    }
    p += 9;
    int hostEnd = tokenEnd(c, p, n);
    if (hostEnd == p) {
      return false;
    }
    process(c, hostEnd == n ? n : hostEnd + 1, n);
    return true;
  }

  /** {@code ^([^\s:\[]+)(?:\[\d+\])?: ?(.*)$} over the rest of a syslog line. */
  private void process(char[] c, int r, int n) {
    levelFrom = -1;
    int q = r;
    while (q < n && c[q] != ' ' && c[q] != ':' && c[q] != '[') {
      q++;
    }
    int colon = -1;
    if (q > r && q < n) {
      if (c[q] == ':') {
        colon = q;
      } else if (c[q] == '[') {
        int d = q + 1;
        while (d < n && digit(c[d])) {
          d++;
        }
        if (d > q + 1 && d + 1 < n && c[d] == ']' && c[d + 1] == ':') {
          colon = d + 1;
        }
      }
    }
    if (colon < 0) {
      sourceFrom = -1;
      messageFrom = r;
    } else {
      sourceFrom = r;
      sourceTo = q;
      messageFrom = colon + 1 < n && c[colon + 1] == ' ' ? colon + 2 : colon + 1;
    }
    messageTo = n;
  }

  // ^\d{6} \d{6} \d+ ([A-Z]+) ([^:]+): ?(.*)$
  private boolean hdfs(char[] c, int n) {
    int p = digits(c, 0, n, 6);
    if (p < 0 || (p = digits(c, p, n, 6)) < 0) {
      return false;
    }
    if ((p = digitRun(c, p, n)) < 0) {
      return false;
    }
    int e = p;
    while (e < n && c[e] >= 'A' && c[e] <= 'Z') {
      e++;
    }
    if (e == p || e >= n || c[e] != ' ') {
      return false;
    }
    int level = p;
    int levelEnd = e;
    p = e + 1;
    int colon = p;
    while (colon < n && c[colon] != ':') {
      colon++;
    }
    if (colon == p || colon == n) {
      return false;
    }
    levelFrom = level;
    levelTo = levelEnd;
    sourceFrom = p;
    sourceTo = colon;
    messageFrom = colon + 1 < n && c[colon + 1] == ' ' ? colon + 2 : colon + 1;
    messageTo = n;
    return true;
  }

  /** A token ({@code \S+}) and one space from {@code p}: the index after the space, or -1. */
  private static int token(char[] c, int p, int n) {
    int e = tokenEnd(c, p, n);
    return e == p || e >= n ? -1 : e + 1;
  }

  private static int tokenEnd(char[] c, int p, int n) {
    while (p < n && c[p] != ' ') {
      p++;
    }
    return p;
  }

  /** Exactly {@code count} digits and a space from {@code p}: the index after it, or -1. */
  /** {@code \d+ } from {@code p}: the index after the space, or -1. */
  private static int digitRun(char[] c, int p, int n) {
    int e = p;
    while (e < n && digit(c[e])) {
      e++;
    }
    return e == p || e >= n || c[e] != ' ' ? -1 : e + 1;
  }

  private static int digits(char[] c, int p, int n, int count) {
    if (p + count >= n || c[p + count] != ' ') {
      return -1;
    }
    for (int i = p; i < p + count; i++) {
      if (!digit(c[i])) {
        return -1;
      }
    }
    return p + count + 1;
  }

  /** {@code \d{4}\.\d\d\.\d\d } from {@code p}: the index after the space, or -1. */
  private static int date(char[] c, int p, int n) {
    return p + 11 <= n && c[p + 10] == ' ' && shaped(c, p, "dddd.dd.dd") ? p + 11 : -1;
  }

  /** Whether {@code [p, e)} is {@code \d{4}-\d\d-\d\d-\d\d\.\d\d\.\d\d\.\d+}. */
  private static boolean stamp(char[] c, int p, int e) {
    if (e - p < 21) {
      return false;
    }
    if (!shaped(c, p, "dddd-dd-dd-dd.dd.dd.")) {
      return false;
    }
    for (int i = p + 20; i < e; i++) {
      if (!digit(c[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the chars from {@code p} have {@code shape}: {@code d} a digit, any other char itself.
   */
  private static boolean shaped(char[] c, int p, String shape) {
    for (int i = 0; i < shape.length(); i++) {
      char s = shape.charAt(i);
      if (s == 'd' ? !digit(c[p + i]) : c[p + i] != s) {
        return false;
      }
    }
    return true;
  }

  static boolean digit(char ch) {
    return ch >= '0' && ch <= '9';
  }

  /** {@code \w} in ASCII. */
  static boolean word(char ch) {
    return digit(ch) || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
  }
}
