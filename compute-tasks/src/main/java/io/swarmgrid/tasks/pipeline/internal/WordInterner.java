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

  /**
   * Calls {@code each} with every word of {@code text}, in order: the words of {@link Words}, line
   * by line ({@code text} may hold many lines, as {@link TextChunks}' blocks do). Not reentrant:
   * {@code each} must not use this thread's interner.
   */
  public void forEach(String text, Consumer<String> each) {
    int from = 0;
    while (from < text.length()) {
      int end = text.indexOf('\n', from);
      if (end < 0) {
        end = text.length();
      }
      forEachInLine(text, from, end, each);
      from = end + 1;
    }
  }

  private void forEachInLine(String text, int from, int to, Consumer<String> each) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) >= 0x80) {
        Words.forEach(text.substring(from, to), each);
        return;
      }
    }
    int length = 0;
    int hash = 0;
    boolean allDigits = true;
    for (int i = from; i <= to; i++) {
      char c = i < to ? text.charAt(i) : ' ';
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
