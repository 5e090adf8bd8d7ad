package io.swarmgrid.tasks.pipeline.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Word counts as one open-addressing table (linear probing; keys, their {@code String} hashes and
 * counts in parallel arrays), the accumulator of {@link WordCountAggregation}. Words are cut by a
 * {@link WordCutter} and looked up by their chars, so counting a word seen before is one probe, no
 * {@code String}, no boxed count and no second map (the per-thread interner plus a {@code HashMap}
 * cost two lookups per word); its words are {@link Words}' words. Tables counted on different
 * members merge by adding ({@link #addAll}); one crosses members as {@code
 * IdentifiedDataSerializable} (factory {@link FactoryIds#PIPELINE}).
 */
public final class WordTable implements IdentifiedDataSerializable {
  /** Class id in {@code io.swarmgrid.tasks.pipeline.PipelineFactory}. */
  public static final int CLASS_ID = 1;

  private char[][] keys = new char[64][];
  private int[] hashes = new int[64];
  private long[] counts = new long[64];
  private int size;

  /** Cuts what this table counts; its buffers are reused, never serialized. */
  private WordCutter cutter;

  /** Counts the words of {@code block}: one line or many (line breaks separate like spaces). */
  public void countWords(String block) {
    cutter().count(block);
  }

  /**
   * Counts the words of {@code block}, UTF-8 bytes of one line or many (a block of {@link
   * ByteChunks}): ASCII lines are cut from the bytes, others decoded first.
   */
  public void countWords(byte[] block) {
    cutter().count(block);
  }

  private WordCutter cutter() {
    if (cutter == null) {
      cutter = new WordCutter(this);
    }
    return cutter;
  }

  /** Adds {@code n} to {@code word}'s count. */
  public void add(String word, long n) {
    char[] chars = word.toCharArray();
    add(chars, 0, chars.length, word.hashCode(), n);
  }

  /**
   * Adds {@code n} to the count of the word {@code chars[from, from + length)}, whose {@code
   * String.hashCode} is {@code hash} (package-private so tests can force collisions); returns the
   * new count.
   */
  long add(char[] chars, int from, int length, int hash, long n) {
    int mask = keys.length - 1;
    int slot = spread(hash) & mask;
    while (true) {
      char[] key = keys[slot];
      if (key == null) {
        keys[slot] = Arrays.copyOfRange(chars, from, from + length);
        hashes[slot] = hash;
        counts[slot] = n;
        if (++size * 2 > keys.length) {
          grow();
        }
        return n;
      }
      if (hashes[slot] == hash && sameChars(key, chars, from, length)) {
        return counts[slot] += n;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Adds every count of {@code other} to this table's. */
  public void addAll(WordTable other) {
    for (int i = 0; i < other.keys.length; i++) {
      char[] key = other.keys[i];
      if (key != null) {
        add(key, 0, key.length, other.hashes[i], other.counts[i]);
      }
    }
  }

  /** {@code word}'s count, 0 if never counted. */
  public long count(String word) {
    char[] chars = word.toCharArray();
    int mask = keys.length - 1;
    int hash = word.hashCode();
    for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      if (hashes[slot] == hash && sameChars(keys[slot], chars, 0, chars.length)) {
        return counts[slot];
      }
    }
    return 0;
  }

  /** Number of distinct words. */
  public int size() {
    return size;
  }

  /** Word to count, a new map. */
  public Map<String, Long> toMap() {
    Map<String, Long> map = new HashMap<>(size * 2);
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        map.put(new String(keys[i]), counts[i]);
      }
    }
    return map;
  }

  /** Slots this table has (a power of two, at least twice {@link #size}). */
  int capacity() {
    return keys.length;
  }

  private void grow() {
    char[][] oldKeys = keys;
    int[] oldHashes = hashes;
    long[] oldCounts = counts;
    keys = new char[oldKeys.length * 2][];
    hashes = new int[keys.length];
    counts = new long[keys.length];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = spread(oldHashes[i]) & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        hashes[slot] = oldHashes[i];
        counts[slot] = oldCounts[i];
      }
    }
  }

  /** Mixes the high bits of a {@code String} hash into the low ones the mask keeps. */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  // a plain loop: words are a few chars, too short for Arrays.equals' vectorized mismatch to pay
  private static boolean sameChars(char[] key, char[] chars, int from, int length) {
    if (key.length != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (key[i] != chars[from + i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.PIPELINE;
  }

  @Override
  public int getClassId() {
    return CLASS_ID;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeInt(size);
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        out.writeCharArray(keys[i]);
        out.writeLong(counts[i]);
      }
    }
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("WordTable: size must not be negative, got " + n);
    }
    for (int i = 0; i < n; i++) {
      char[] key = in.readCharArray();
      add(key, 0, key.length, new String(key).hashCode(), in.readLong());
    }
  }
}
