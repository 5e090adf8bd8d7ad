package io.swarmgrid.tasks.balance;

import com.hazelcast.core.HazelcastInstance;

/**
 * A value in the serialized form a map stores, and that form's bytes. A submission serializes its
 * task once into this form, stores it, and sends the same bytes to the backup, which stores them as
 * they are: no Compact write for the backup operation and no Compact read and write on the backup.
 * It needs Hazelcast's private serialization SPI, so the plugin provides it ({@code
 * META-INF/services}); without a provider tasks are stored and backed up as objects.
 */
public interface StoredForm {
  /** {@code value} serialized on {@code member}; accepted by a map entry's {@code setValue}. */
  Object serialize(HazelcastInstance member, Object value);

  /** The bytes of a form made by {@link #serialize} or {@link #fromBytes}. */
  byte[] bytes(Object form);

  /** The form of {@code bytes} from {@link #bytes}. */
  Object fromBytes(byte[] bytes);
}
