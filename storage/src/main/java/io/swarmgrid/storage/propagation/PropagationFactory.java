package io.swarmgrid.storage.propagation;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.swarmgrid.storage.propagation.internal.PropagationSerializers;

/**
 * The factory of the propagation member calls (factory id 1700), for {@code SwarmSerialization}.
 */
public final class PropagationFactory {
  private PropagationFactory() {}

  /** A new factory instance. */
  public static DataSerializableFactory create() {
    return new PropagationSerializers();
  }
}
