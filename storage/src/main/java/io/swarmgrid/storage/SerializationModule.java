package io.swarmgrid.storage;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import java.util.List;
import java.util.Map;

/**
 * The serializers of a module above {@code storage} (which cannot name their classes): found with
 * {@link java.util.ServiceLoader} from {@code
 * META-INF/services/io.swarmgrid.storage.SerializationModule} and registered by {@link
 * SwarmSerialization#register} together with storage's own.
 */
public interface SerializationModule {
  /** The module's Compact serializers, for the values it stores in grid structures. */
  List<CompactSerializer<?>> compactSerializers();

  /**
   * The module's {@code IdentifiedDataSerializable} factories by factory id (ids from {@link
   * FactoryIds}).
   */
  Map<Integer, DataSerializableFactory> dataSerializableFactories();

  /**
   * Packages of the module whose classes members must still accept by Java deserialization (see
   * {@link SwarmSerialization#javaSerializationFilter}); each entry should say why in the module.
   */
  default List<String> javaSerializationWhitelist() {
    return List.of();
  }

  /**
   * Single classes (binary names) of the module that members must still accept by Java
   * deserialization, such as enums returned by an entry processor (Hazelcast 5.4 Java-serializes
   * enum values; deserializing one runs no code of the class).
   */
  default List<String> javaSerializationWhitelistClasses() {
    return List.of();
  }
}
