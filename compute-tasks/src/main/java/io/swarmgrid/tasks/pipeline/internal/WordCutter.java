package io.swarmgrid.tasks.pipeline.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts blocks of lines into {@link Words}' words and adds each to one {@link WordTable}: an ASCII
 * line's words are lower-cased into a reused buffer while their {@code String} hash is computed,
 * and handed to the table by chars, with no {@code String}; a line with any non-ASCII char goes
 * through {@link Words#forEach} (decoded from UTF-8 first when the block is bytes), whose Unicode
 * rules then apply unchanged.
 */
final class WordCutter {
  private static final int SEPARATOR = 0;
  private static final int LETTER = 1;
  private static final int DIGIT = 2;

  /** ASCII char to its kind in a word; upper-case letters are lowered before they are looked up. */
  private static final byte[] KIND = new byte[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      KIND[c] = LETTER;
    }
    KIND['_'] = LETTER;
    for (char c = '0'; c <= '9'; c++) {
      KIND[c] = DIGIT;
    }
  }

  private final WordTable table;
  private char[] text = new char[0];
  private char[] word = new char[64];

  WordCutter(WordTable table) {
    this.table = table;
  }

  void count(String block) {
    int n = block.length();
    if (text.length < n) {
      text = new char[Math.max(n, text.length * 2)];
    }
    block.getChars(0, n, text, 0);
    int from = 0;
    while (from < n) {
      int end = from;
      int bits = 0;
      while (end < n && text[end] != '\n') {
        bits |= text[end];
        end++;
      }
      if (bits < 0x80) {
        countAscii(text, from, end);
      } else {
        Words.forEach(block.substring(from, end), w -> table.add(w, 1));
      }
      from = end + 1;
    }
  }

  void count(byte[] block) {
    int n = block.length;
    int from = 0;
    while (from < n) {
      int end = from;
      int bits = 0;
      while (end < n && block[end] != '\n') {
        bits |= block[end];
        end++;
      }
      // a byte of 0x80 or more (negative) marks a multi-byte UTF-8 char
      if (bits >= 0) {
        countAscii(block, from, end);
      } else {
        String line = new String(block, from, end - from, StandardCharsets.UTF_8);
        Words.forEach(line, w -> table.add(w, 1));
      }
      from = end + 1;
    }
  }

  private void countAscii(char[] t, int from, int to) {
    int length = 0;
    int hash = 0;
    boolean allDigits = true;
    for (int i = from; i < to; i++) {
      char c = t[i];
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      int kind = KIND[c];
      if (kind != SEPARATOR) {
        append(length++, c);
        hash = 31 * hash + c;
        allDigits &= kind == DIGIT;
      } else if (length > 0) {
        if (!allDigits) {
          table.add(word, 0, length, hash, 1);
        }
        length = 0;
        hash = 0;
        allDigits = true;
      }
    }
    if (length > 0 && !allDigits) {
      table.add(word, 0, length, hash, 1);
    }
  }

  // the same loop as over chars: one copy per array type, since this loop is the hot path and an
  // accessor over either array would cost a call or a branch per char
  private void countAscii(byte[] t, int from, int to) {
    int length = 0;
    int hash = 0;
    boolean allDigits = true;
    for (int i = from; i < to; i++) {
      char c = (char) t[i];
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      int kind = KIND[c];
      if (kind != SEPARATOR) {
        append(length++, c);
        hash = 31 * hash + c;
        allDigits &= kind == DIGIT;
      } else if (length > 0) {
        if (!allDigits) {
          table.add(word, 0, length, hash, 1);
        }
        length = 0;
        hash = 0;
        allDigits = true;
      }
    }
    if (length > 0 && !allDigits) {
      table.add(word, 0, length, hash, 1);
    }
  }

  private void append(int at, char c) {
    if (at == word.length) {
      word = Arrays.copyOf(word, at * 2);
    }
    word[at] = c;
  }
}
