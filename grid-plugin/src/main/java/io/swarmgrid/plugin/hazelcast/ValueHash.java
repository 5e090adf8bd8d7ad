package io.swarmgrid.plugin.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.util.HashUtil;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import io.swarmgrid.tasks.region.SerializedForm;

/**
 * The 64-bit hash of a value's serialized form. Region replication uses it; it needs Hazelcast's
 * private SPI because user values have no usable {@code equals} in general (records holding arrays,
 * foreign Compact types), while their serialized bytes are the same in every region.
 */
public final class ValueHash implements SerializedForm {
  private final SerializationService serialization;

  public ValueHash(HazelcastInstance member) {
    if (!(member instanceof SerializationServiceSupport s)) {
      throw new IllegalStateException(
          "replication runs on Hazelcast members; got " + member.getClass().getName());
    }
    this.serialization = s.getSerializationService();
  }

  @Override
  public long hash(Object o) {
    return of(o);
  }

  @Override
  public int size(Object o) {
    return serialization.toData(o).totalSize();
  }

  /** The hash of {@code value}'s serialized bytes; never 0. */
  public long of(Object value) {
    return ofData(serialization.toData(value));
  }

  /** The hash of serialized bytes, as {@link #of(Object)} gives for the value they hold. */
  static long ofData(Data data) {
    byte[] bytes = data.toByteArray();
    long h = HashUtil.MurmurHash3_x64_64(bytes, 0, bytes.length);
    return h == 0 ? 1 : h; // 0 marks a removal
  }
}
