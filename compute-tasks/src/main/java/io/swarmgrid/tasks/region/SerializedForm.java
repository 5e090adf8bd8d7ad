package io.swarmgrid.tasks.region;

/**
 * Hash and size of an object's serialized form, the same in every region for the same value. The
 * region engine registers its implementation as a member service ({@code SwarmServices}), where the
 * digest aggregators ({@link BucketDigests}, {@link BucketEntries}) find it.
 */
public interface SerializedForm {
  /** 64-bit hash of {@code o}'s serialized bytes; never 0. */
  long hash(Object o);

  /** Length of {@code o}'s serialized bytes. */
  int size(Object o);

  /** The bucket of a key with hash {@code keyHash} among {@code buckets}. */
  static int bucket(long keyHash, int buckets) {
    return (int) Math.floorMod(keyHash, (long) buckets);
  }

  /** What an entry adds to its bucket's digest: a mix of its key's and value's hashes. */
  static long entryDigest(long keyHash, long valueHash) {
    long h = keyHash * 0x9E3779B97F4A7C15L ^ valueHash;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
