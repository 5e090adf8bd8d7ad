package io.swarmgrid.tasks.pipeline.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Cuts ASCII lines into words that are the same {@code String} instance every time the same word
 * comes again, found by its lower-cased chars in a reused buffer (no lower-cased copy of the line,
 * no substring per word): counting into a map then hashes and compares each word by its cached hash
 * and identity. One per thread ({@link #local}), since Jet's cooperative threads run many
 * processors; a line with any non-ASCII char goes to {@link Words#forEach}, whose Unicode rules
 * then apply unchanged.
 */
public final class WordInterner {
  /** Past this many distinct words the table starts over, so a huge vocabulary stays bounded. */
  private static final int MAX_WORDS = 1 << 16;

  private static final ThreadLocal<WordInterner> LOCAL = ThreadLocal.withInitial(WordInterner::new);

  private final Map<WordWindow, String> words = new HashMap<>();
  private final WordWindow probe = new WordWindow();
  private char[] buffer = new char[64];

  private WordInterner() {}

  /** This thread's interner. */
  public static WordInterner local() {
    return LOCAL.get();
  }

  /** Calls {@code each} with every word of {@code line}, in order: the words of {@link Words}. */
  public void forEach(String line, Consumer<String> each) {
    int n = line.length();
    for (int i = 0; i < n; i++) {
      if (line.charAt(i) >= 0x80) {
        Words.forEach(line, each);
        return;
      }
    }
    int length = 0;
    int hash = 0;
    boolean allDigits = true;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? line.charAt(i) : ' ';
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      boolean digit = c >= '0' && c <= '9';
      if (digit || (c >= 'a' && c <= 'z') || c == '_') {
        if (length == buffer.length) {
          buffer = Arrays.copyOf(buffer, length * 2);
        }
        buffer[length++] = c;
        hash = 31 * hash + c;
        allDigits &= digit;
      } else if (length > 0) {
        if (!allDigits) {
          each.accept(intern(length, hash));
        }
        length = 0;
        hash = 0;
        allDigits = true;
      }
    }
  }

  private String intern(int length, int hash) {
    WordWindow key = probe.set(buffer, length, hash);
    String word = words.get(key);
    if (word == null) {
      if (words.size() >= MAX_WORDS) {
        words.clear();
      }
      word = key.toString();
      words.put(key.copy(), word);
    }
    return word;
  }
}
