package io.swarmgrid.tasks.pipeline.internal;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Cuts a line into words with one pass over its code points and no regular expression: the words
 * are the lower-cased line's runs of letters ({@code \p{L}}), numbers ({@code \p{N}}) and {@code
 * _}, runs of decimal digits alone left out. The same words, in the same order, as splitting the
 * lower-cased line at {@code [^\p{L}\p{N}_]+}.
 */
public final class Words {
  private Words() {}

  /** Calls {@code each} with every word of {@code line}, in order. */
  public static void forEach(String line, Consumer<String> each) {
    String lower = line.toLowerCase(Locale.ROOT);
    int start = -1;
    boolean allDigits = true;
    int i = 0;
    while (i <= lower.length()) {
      int cp = i < lower.length() ? lower.codePointAt(i) : ' ';
      boolean word = cp == '_' || Character.isLetter(cp) || isNumber(cp);
      if (word) {
        if (start < 0) {
          start = i;
          allDigits = true;
        }
        // as the old char-wise check: a supplementary digit (two chars, neither a digit) counts
        // as a letter
        allDigits &= Character.isBmpCodePoint(cp) && Character.isDigit(cp);
      } else if (start >= 0) {
        if (!allDigits) {
          each.accept(lower.substring(start, i));
        }
        start = -1;
      }
      i += i < lower.length() ? Character.charCount(cp) : 1;
    }
  }

  private static boolean isNumber(int cp) {
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }
}
