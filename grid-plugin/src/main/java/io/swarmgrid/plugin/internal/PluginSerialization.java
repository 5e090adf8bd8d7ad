package io.swarmgrid.plugin.internal;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import io.swarmgrid.plugin.consensus.ConsensusMemberFactory;
import io.swarmgrid.plugin.learning.LearningFactory;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.SerializationModule;
import java.util.List;
import java.util.Map;

/**
 * What grid-plugin adds to {@code SwarmSerialization} (found by {@code ServiceLoader}): no Compact
 * serializers; the factory of its consensus member calls; the packages members must still
 * Java-deserialize. {@code region.internal}: the replication Jet jobs ship {@code Link} and {@code
 * Change} and lambdas of that package.
 */
public final class PluginSerialization implements SerializationModule {
  @Override
  public List<CompactSerializer<?>> compactSerializers() {
    return List.of();
  }

  @Override
  public Map<Integer, DataSerializableFactory> dataSerializableFactories() {
    return Map.of(
        FactoryIds.CONSENSUS_MEMBER,
        new ConsensusMemberFactory(),
        FactoryIds.LEARNING,
        new LearningFactory());
  }

  @Override
  public List<String> javaSerializationWhitelist() {
    return List.of("io.swarmgrid.plugin.region.internal", "io.swarmgrid.plugin.region");
  }
}
