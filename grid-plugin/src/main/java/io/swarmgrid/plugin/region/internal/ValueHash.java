package io.swarmgrid.plugin.region.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.util.HashUtil;
import com.hazelcast.spi.impl.SerializationServiceSupport;

/**
 * The 64-bit hash of a value's serialized form. This is the one place the region feature touches
 * Hazelcast's private SPI: user values have no usable {@code equals} in general (records holding
 * arrays, foreign Compact types), while their serialized bytes are the same in every region.
 */
final class ValueHash {
  private final SerializationService serialization;

  ValueHash(HazelcastInstance member) {
    if (!(member instanceof SerializationServiceSupport s)) {
      throw new IllegalStateException(
          "replication runs on Hazelcast members; got " + member.getClass().getName());
    }
    this.serialization = s.getSerializationService();
  }

  long of(Object value) {
    Data data = serialization.toData(value);
    byte[] bytes = data.toByteArray();
    long h = HashUtil.MurmurHash3_x64_64(bytes, 0, bytes.length);
    return h == 0 ? 1 : h; // 0 marks a removal
  }
}
