package io.swarmgrid.storage;

import com.hazelcast.config.SerializationConfig;
import io.swarmgrid.storage.swarm.internal.SwarmStorageSerializers;
import java.util.Map;

/**
 * The {@code DataSerializableFactory}s of SwarmGrid's entry processors and tasks, by factory id:
 * 1600 swarm storage processors ({@code storage.swarm.internal}), 1601 swarm agent processors
 * ({@code tasks.swarm.internal}, registered only where compute-tasks is on the classpath).
 */
final class SwarmFactories {
  private static final Map<Integer, String> FACTORIES =
      Map.of(
          SwarmStorageSerializers.FACTORY_ID,
          SwarmStorageSerializers.class.getName(),
          1601,
          "io.swarmgrid.tasks.swarm.internal.SwarmTaskSerializers");

  private SwarmFactories() {}

  static void register(SerializationConfig config) {
    for (Map.Entry<Integer, String> f : FACTORIES.entrySet()) {
      boolean present =
          config.getDataSerializableFactories().containsKey(f.getKey())
              || config.getDataSerializableFactoryClasses().containsKey(f.getKey());
      if (!present && onClasspath(f.getValue())) {
        config.addDataSerializableFactoryClass(f.getKey(), f.getValue());
      }
    }
  }

  private static boolean onClasspath(String className) {
    try {
      Class.forName(className, false, SwarmFactories.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
