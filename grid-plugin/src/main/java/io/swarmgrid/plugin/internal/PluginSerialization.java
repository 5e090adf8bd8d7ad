package io.swarmgrid.plugin.internal;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import io.swarmgrid.plugin.consensus.ConsensusMemberFactory;
import io.swarmgrid.plugin.learning.LearningFactory;
import io.swarmgrid.plugin.region.RegionJobFactory;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.SerializationModule;
import java.util.List;
import java.util.Map;

/**
 * What grid-plugin adds to {@code SwarmSerialization} (found by {@code ServiceLoader}): no Compact
 * serializers; the factories of its consensus and learning member calls and of the replication
 * jobs' changes; the packages members must still Java-deserialize. {@code region.internal}: the
 * replication Jet jobs' definitions ship {@code Link} and lambdas of that package (Jet
 * Java-serializes a job's definition once, at submission).
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
        new LearningFactory(),
        FactoryIds.REGION_JOB,
        new RegionJobFactory());
  }

  @Override
  public List<String> javaSerializationWhitelist() {
    return List.of("io.swarmgrid.plugin.region.internal", "io.swarmgrid.plugin.region");
  }
}
