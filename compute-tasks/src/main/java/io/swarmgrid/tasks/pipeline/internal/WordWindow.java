package io.swarmgrid.tasks.pipeline.internal;

import java.util.Arrays;

/**
 * A lower-cased word as the first {@code length} chars of an array: the key of {@link
 * WordInterner}, mutable so that one instance over a reused buffer probes for every word of a line
 * without a substring. {@link #hashCode} is {@code String.hashCode} of the word.
 */
final class WordWindow {
  private char[] chars;
  private int length;
  private int hash;

  WordWindow set(char[] chars, int length, int hash) {
    this.chars = chars;
    this.length = length;
    this.hash = hash;
    return this;
  }

  /** A key that owns a copy of this window's chars. */
  WordWindow copy() {
    return new WordWindow().set(Arrays.copyOf(chars, length), length, hash);
  }

  @Override
  public String toString() {
    return new String(chars, 0, length);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WordWindow w) || w.hash != hash || w.length != length) {
      return false;
    }
    // a plain loop: words are a few chars, too short for Arrays.equals' vectorized mismatch to pay
    for (int i = 0; i < length; i++) {
      if (chars[i] != w.chars[i]) {
        return false;
      }
    }
    return true;
  }
}
