package io.swarmgrid.storage;

import com.hazelcast.config.CompactSerializationConfig;
import com.hazelcast.config.CompactSerializationConfigAccessor;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import io.swarmgrid.storage.internal.StorageFactory;
import io.swarmgrid.storage.internal.StorageSerializers;
import io.swarmgrid.storage.propagation.PropagationFactory;
import io.swarmgrid.storage.swarm.SwarmStorageFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Compact serializers of SwarmGrid's records. Type names start with {@code swarmgrid.} and
 * fields are plain Compact types (enums as strings), so clients in other languages read them as
 * generic records. Members and clients must register the same serializers: programmatically with
 * {@link #register}, or in {@code hazelcast.yaml} by importing {@code
 * classpath:swarmgrid-serializers.yaml} (or the plugin's {@code classpath:swarmgrid-member.yaml});
 * see {@link #yamlSnippet()}.
 */
public final class SwarmSerialization {

  private SwarmSerialization() {}

  /**
   * Registers every SwarmGrid Compact serializer and {@code IdentifiedDataSerializable} factory
   * that is not registered yet: storage's own and those of the {@link SerializationModule}s on the
   * class path.
   */
  public static SerializationConfig register(SerializationConfig config) {
    CompactSerializationConfig compact = config.getCompactSerializationConfig();
    for (CompactSerializer<?> serializer : compactSerializers()) {
      if (!isRegistered(compact, serializer)) {
        compact.addSerializer(serializer);
      }
    }
    Map<Integer, DataSerializableFactory> present = config.getDataSerializableFactories();
    Map<Integer, String> presentByName = config.getDataSerializableFactoryClasses();
    dataSerializableFactories()
        .forEach(
            (id, factory) -> {
              if (!present.containsKey(id) && !presentByName.containsKey(id)) {
                config.addDataSerializableFactory(id, factory);
              }
            });
    return config;
  }

  /**
   * Registers the serializers ({@link #register}) and turns on Hazelcast's filter of Java
   * deserialization with {@link #javaSerializationFilter}: for members, so that no client can make
   * a member deserialize a class outside the whitelist.
   */
  public static SerializationConfig registerForMember(SerializationConfig config) {
    register(config);
    JavaSerializationFilterConfig own = config.getJavaSerializationFilterConfig();
    if (own == null) {
      config.setJavaSerializationFilterConfig(javaSerializationFilter());
    } else {
      // The member's own filter stays; SwarmGrid's packages are added to its whitelist.
      own.getWhitelist().addPackages(javaWhitelistPackages().toArray(new String[0]));
      own.getWhitelist().addClasses(javaWhitelistClasses().toArray(new String[0]));
    }
    return config;
  }

  /**
   * The filter members run with: Hazelcast's defaults (its own classes, {@code java*} and arrays
   * are allowed; known gadget packages refused) plus the SwarmGrid packages that still travel by
   * Java serialization ({@link #javaWhitelistPackages}). Any other class is refused with "Resolving
   * class ... is not allowed".
   */
  public static JavaSerializationFilterConfig javaSerializationFilter() {
    JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig();
    filter.setDefaultsDisabled(false);
    filter.getWhitelist().addPackages(javaWhitelistPackages().toArray(new String[0]));
    filter.getWhitelist().addClasses(javaWhitelistClasses().toArray(new String[0]));
    return filter;
  }

  /**
   * The SwarmGrid packages whose classes may still be Java-deserialized on a member: Jet job code
   * (lambdas and the workloads they capture). Sorted.
   */
  public static List<String> javaWhitelistPackages() {
    TreeSet<String> packages = new TreeSet<>();
    for (SerializationModule m : modules()) {
      packages.addAll(m.javaSerializationWhitelist());
    }
    return List.copyOf(packages);
  }

  /** The single SwarmGrid classes members still Java-deserialize (enum results). Sorted. */
  public static List<String> javaWhitelistClasses() {
    TreeSet<String> classes = new TreeSet<>();
    for (SerializationModule m : modules()) {
      classes.addAll(m.javaSerializationWhitelistClasses());
    }
    return List.copyOf(classes);
  }

  /**
   * Class names of the serializers and factories that {@code config} lacks, and the Java
   * deserialization filter if it has none; empty when all are there.
   */
  public static List<String> missingFrom(SerializationConfig config) {
    CompactSerializationConfig compact = config.getCompactSerializationConfig();
    List<String> missing = new ArrayList<>();
    for (CompactSerializer<?> serializer : compactSerializers()) {
      if (!isRegistered(compact, serializer)) {
        missing.add(serializer.getClass().getName());
      }
    }
    factoryClassNames()
        .forEach(
            (id, name) -> {
              if (!config.getDataSerializableFactories().containsKey(id)
                  && !config.getDataSerializableFactoryClasses().containsKey(id)) {
                missing.add(name + " (factory " + id + ")");
              }
            });
    if (config.getJavaSerializationFilterConfig() == null) {
      missing.add("java-serialization-filter");
    }
    return missing;
  }

  /** Class names of all SwarmGrid Compact serializers, storage's first. */
  public static List<String> serializerClassNames() {
    return compactSerializers().stream().map(s -> s.getClass().getName()).toList();
  }

  /** Factory id to class name of all SwarmGrid {@code IdentifiedDataSerializable} factories. */
  public static Map<Integer, String> factoryClassNames() {
    Map<Integer, String> names = new TreeMap<>();
    dataSerializableFactories().forEach((id, f) -> names.put(id, f.getClass().getName()));
    return names;
  }

  private static List<CompactSerializer<?>> compactSerializers() {
    List<CompactSerializer<?>> all = new ArrayList<>();
    all.addAll(StorageSerializers.all());
    modules().forEach(m -> all.addAll(m.compactSerializers()));
    return all;
  }

  private static Map<Integer, DataSerializableFactory> dataSerializableFactories() {
    Map<Integer, DataSerializableFactory> all = new TreeMap<>();
    all.put(FactoryIds.STORAGE, new StorageFactory());
    all.put(FactoryIds.SWARM_STORAGE, SwarmStorageFactory.create());
    all.put(FactoryIds.PROPAGATION, PropagationFactory.create());
    for (SerializationModule m : modules()) {
      m.dataSerializableFactories()
          .forEach(
              (id, f) -> {
                if (all.putIfAbsent(id, f) != null) {
                  throw new IllegalStateException(
                      "factory id " + id + " is used twice: " + all.get(id) + " and " + f);
                }
              });
    }
    return all;
  }

  private static List<SerializationModule> modules() {
    List<SerializationModule> modules = new ArrayList<>();
    ServiceLoader.load(SerializationModule.class, SwarmSerialization.class.getClassLoader())
        .forEach(modules::add);
    return modules;
  }

  /**
   * The lines to put in a member's {@code hazelcast.yaml} to register the serializers: an import of
   * {@code swarmgrid-serializers.yaml}, which this jar ships (members that run SwarmGrid import the
   * plugin's {@code swarmgrid-member.yaml}, which also names the bootstrap).
   */
  public static String yamlSnippet() {
    return "hazelcast:\n  import:\n    - classpath:swarmgrid-member.yaml\n";
  }

  // Registered either by class name (YAML) or programmatically (keyed by type name).
  private static boolean isRegistered(
      CompactSerializationConfig compact, CompactSerializer<?> serializer) {
    return CompactSerializationConfigAccessor.getSerializerClassNames(compact)
            .contains(serializer.getClass().getName())
        || CompactSerializationConfigAccessor.getRegistrations(compact)
            .containsKey(serializer.getTypeName());
  }
}
