package io.swarmgrid.storage.swarm;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.swarmgrid.storage.swarm.internal.SwarmStorageSerializers;

/**
 * The factory of the swarm storage processors (factory id 1600), for {@code SwarmSerialization}.
 */
public final class SwarmStorageFactory {
  private SwarmStorageFactory() {}

  /** A new factory instance. */
  public static DataSerializableFactory create() {
    return new SwarmStorageSerializers();
  }
}
