package io.swarmgrid.plugin.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import io.swarmgrid.tasks.balance.StoredForm;

/**
 * A value's {@link Data}: what a binary map stores, so an entry given it stores it without
 * serializing again. Found by {@code BalanceTasks} through {@code META-INF/services}.
 */
public final class HazelcastStoredForm implements StoredForm {
  @Override
  public Object serialize(HazelcastInstance member, Object value) {
    if (!(member instanceof SerializationServiceSupport s)) {
      throw new IllegalStateException(
          "stored forms are made on Hazelcast members; got " + member.getClass().getName());
    }
    return s.getSerializationService().toData(value);
  }

  @Override
  public byte[] bytes(Object form) {
    return ((Data) form).toByteArray();
  }

  @Override
  public Object fromBytes(byte[] bytes) {
    return new HeapData(bytes);
  }
}
