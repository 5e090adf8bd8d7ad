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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Lists the entries of some key buckets (see {@link BucketDigests}) as key hash → value hash, and
 * with {@code withKeys} also the keys themselves (the source side, which ships them). The target
 * side answers hashes only: 16 bytes an entry.
 */
public final class BucketEntries
    implements Aggregator<Map.Entry<Object, Object>, BucketEntries.Result>,
        IdentifiedDataSerializable,
        HazelcastInstanceAware {

  /**
   * The listed entries: value hash by key hash, and the keys by key hash when asked for. Travels
   * from the member that finished the aggregation, hence IdentifiedDataSerializable.
   */
  public static final class Result implements IdentifiedDataSerializable {
    private Map<Long, Long> valueHashes;
    private Map<Long, Object> keys;

    /** For deserialization only. */
    public Result() {}

    Result(Map<Long, Long> valueHashes, Map<Long, Object> keys) {
      this.valueHashes = valueHashes;
      this.keys = keys;
    }

    /** Value hash by key hash. */
    public Map<Long, Long> valueHashes() {
      return valueHashes;
    }

    /** Key by key hash (empty unless asked for). */
    public Map<Long, Object> keys() {
      return keys;
    }

    @Override
    public int getFactoryId() {
      return FactoryIds.REGION;
    }

    @Override
    public int getClassId() {
      return RegionFactory.BUCKET_ENTRIES_RESULT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      writeEntries(out, valueHashes, keys);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      valueHashes = new HashMap<>();
      keys = new HashMap<>();
      readEntries(in, valueHashes, keys);
    }
  }

  private int buckets;
  private int[] wanted;
  private boolean withKeys;
  private Map<Long, Long> valueHashes = new HashMap<>();
  private Map<Long, Object> keys = new HashMap<>();
  private transient SerializedForm form;

  /** For deserialization only. */
  public BucketEntries() {}

  /** The entries of the {@code wanted} buckets among {@code buckets}. */
  public BucketEntries(int buckets, int[] wanted, boolean withKeys) {
    this.buckets = buckets;
    this.wanted = wanted.clone();
    Arrays.sort(this.wanted);
    this.withKeys = withKeys;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance member) {
    this.form =
        SwarmServices.require(member, SerializedForm.class, "the region engine registers it");
  }

  @Override
  public void accumulate(Map.Entry<Object, Object> entry) {
    if (form == null) {
      throw new IllegalStateException("BucketEntries runs on members with the region engine");
    }
    long keyHash = form.hash(entry.getKey());
    if (Arrays.binarySearch(wanted, SerializedForm.bucket(keyHash, buckets)) < 0) {
      return;
    }
    valueHashes.put(keyHash, form.hash(entry.getValue()));
    if (withKeys) {
      keys.put(keyHash, entry.getKey());
    }
  }

  @Override
  @SuppressWarnings("rawtypes") // Hazelcast declares combine with a raw Aggregator
  public void combine(Aggregator aggregator) {
    BucketEntries other = (BucketEntries) aggregator;
    valueHashes.putAll(other.valueHashes);
    keys.putAll(other.keys);
  }

  @Override
  public Result aggregate() {
    return new Result(Map.copyOf(valueHashes), Map.copyOf(keys));
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.REGION;
  }

  @Override
  public int getClassId() {
    return RegionFactory.BUCKET_ENTRIES;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeInt(buckets);
    out.writeIntArray(wanted);
    out.writeBoolean(withKeys);
    writeEntries(out, valueHashes, keys);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    buckets = in.readInt();
    wanted = in.readIntArray();
    withKeys = in.readBoolean();
    valueHashes = new HashMap<>();
    keys = new HashMap<>();
    readEntries(in, valueHashes, keys);
  }

  private static void writeEntries(
      ObjectDataOutput out, Map<Long, Long> valueHashes, Map<Long, Object> keys)
      throws IOException {
    long[] pairs = new long[valueHashes.size() * 2];
    int i = 0;
    for (Map.Entry<Long, Long> e : valueHashes.entrySet()) {
      pairs[i++] = e.getKey();
      pairs[i++] = e.getValue();
    }
    out.writeLongArray(pairs);
    out.writeInt(keys.size());
    for (Map.Entry<Long, Object> e : keys.entrySet()) {
      out.writeLong(e.getKey());
      out.writeObject(e.getValue());
    }
  }

  private static void readEntries(
      ObjectDataInput in, Map<Long, Long> valueHashes, Map<Long, Object> keys) throws IOException {
    long[] pairs = in.readLongArray();
    for (int i = 0; i < pairs.length; i += 2) {
      valueHashes.put(pairs[i], pairs[i + 1]);
    }
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      keys.put(in.readLong(), in.readObject());
    }
  }
}
