package io.swarmgrid.tasks.swarm;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.swarmgrid.tasks.swarm.internal.SwarmTaskSerializers;

/** The factory of the swarm agents' step processors (factory id 1601), for serialization. */
public final class SwarmTaskFactory {
  private SwarmTaskFactory() {}

  /** A new factory instance. */
  public static DataSerializableFactory create() {
    return new SwarmTaskSerializers();
  }
}
