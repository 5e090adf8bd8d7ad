package io.swarmgrid.plugin.region;

/**
 * What a resync by digest ({@link RegionEngine#resyncByDigest}) did.
 *
 * @param buckets key buckets compared
 * @param differingBuckets buckets whose digests differed
 * @param targetListed entries the target listed (key hash and value hash) in those buckets
 * @param keysShipped entries of this region shipped (stamped and delivered)
 * @param applied shipped entries the target applied (the rest lost to its conflict policy)
 * @param bytesShipped bytes that crossed between the regions: the target's digests, the bucket
 *     list, the target's listing, and each shipped key, value and stamp with the target's current
 *     value read back
 * @param mapBytes serialized keys and values of the whole map in this region
 */
public record ResyncReport(
    int buckets,
    int differingBuckets,
    long targetListed,
    long keysShipped,
    long applied,
    long bytesShipped,
    long mapBytes) {

  /** Bytes shipped over the bytes of the whole map. */
  public double bytesRatio() {
    return mapBytes == 0 ? 0 : (double) bytesShipped / mapBytes;
  }
}
