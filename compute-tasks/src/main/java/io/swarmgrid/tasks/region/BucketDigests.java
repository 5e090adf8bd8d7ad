package io.swarmgrid.tasks.region;

import com.hazelcast.aggregation.Aggregator;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.io.IOException;
import java.util.Map;

/**
 * Aggregates a map into one digest per key bucket (the sum of {@link SerializedForm#entryDigest}
 * over the bucket's entries, so the order of entries and partitions does not matter), with the
 * entry count and serialized bytes. Two regions holding the same entries in a bucket have the same
 * digest there; a digest resync compares them and looks only into the buckets that differ.
 */
public final class BucketDigests
    implements Aggregator<Map.Entry<Object, Object>, BucketDigests.Result>,
        IdentifiedDataSerializable,
        HazelcastInstanceAware {

  /**
   * The digests of a whole map, with its entry count and serialized bytes. Travels from the member
   * that finished the aggregation, hence IdentifiedDataSerializable.
   */
  public static final class Result implements IdentifiedDataSerializable {
    private long[] digests;
    private long entries;
    private long bytes;

    /** For deserialization only. */
    public Result() {}

    Result(long[] digests, long entries, long bytes) {
      this.digests = digests;
      this.entries = entries;
      this.bytes = bytes;
    }

    /** One digest per bucket. */
    public long[] digests() {
      return digests.clone();
    }

    /** Entries digested. */
    public long entries() {
      return entries;
    }

    /** Serialized bytes of their keys and values. */
    public long bytes() {
      return bytes;
    }

    @Override
    public int getFactoryId() {
      return FactoryIds.REGION;
    }

    @Override
    public int getClassId() {
      return RegionFactory.BUCKET_DIGESTS_RESULT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeLongArray(digests);
      out.writeLong(entries);
      out.writeLong(bytes);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      digests = in.readLongArray();
      entries = in.readLong();
      bytes = in.readLong();
    }
  }

  private int buckets;
  private long[] sums;
  private long entries;
  private long bytes;
  private transient SerializedForm form;

  /** For deserialization only. */
  public BucketDigests() {}

  /** Digests over {@code buckets} buckets. */
  public BucketDigests(int buckets) {
    if (buckets < 1) {
      throw new IllegalArgumentException("buckets must be at least 1, got " + buckets);
    }
    this.buckets = buckets;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance member) {
    this.form =
        SwarmServices.require(member, SerializedForm.class, "the region engine registers it");
  }

  @Override
  public void accumulate(Map.Entry<Object, Object> entry) {
    if (form == null) {
      throw new IllegalStateException("BucketDigests runs on members with the region engine");
    }
    if (sums == null) {
      sums = new long[buckets];
    }
    long keyHash = form.hash(entry.getKey());
    sums[SerializedForm.bucket(keyHash, buckets)] +=
        SerializedForm.entryDigest(keyHash, form.hash(entry.getValue()));
    entries++;
    bytes += form.size(entry.getKey()) + form.size(entry.getValue());
  }

  @Override
  @SuppressWarnings("rawtypes") // Hazelcast declares combine with a raw Aggregator
  public void combine(Aggregator aggregator) {
    BucketDigests other = (BucketDigests) aggregator;
    if (other.sums != null) {
      if (sums == null) {
        sums = new long[buckets];
      }
      for (int i = 0; i < buckets; i++) {
        sums[i] += other.sums[i];
      }
    }
    entries += other.entries;
    bytes += other.bytes;
  }

  @Override
  public Result aggregate() {
    return new Result(sums == null ? new long[buckets] : sums.clone(), entries, bytes);
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.REGION;
  }

  @Override
  public int getClassId() {
    return RegionFactory.BUCKET_DIGESTS;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeInt(buckets);
    out.writeLong(entries);
    out.writeLong(bytes);
    out.writeLongArray(sums);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    buckets = in.readInt();
    entries = in.readLong();
    bytes = in.readLong();
    sums = in.readLongArray();
  }
}
