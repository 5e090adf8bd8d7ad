package io.swarmgrid.tasks.internal;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import io.swarmgrid.storage.SerializationModule;
import java.util.List;
import java.util.Map;

/**
 * The serializers of compute-tasks, registered through {@code SwarmSerialization} (found by {@code
 * ServiceLoader}): Compact for diffusion's records and the workload results, {@code
 * IdentifiedDataSerializable} factories for what crosses the wire.
 */
public final class TasksSerialization implements SerializationModule {
  /**
   * Still Java-deserialized on members. {@code workload} and {@code pipeline}: Jet jobs ship their
   * lambdas ({@code SerializedLambda} names its capturing class) and the workloads those capture.
   * {@code consensus}: that feature's tasks and processors, until it converts them.
   */
  static final List<String> JAVA_WHITELIST =
      List.of(
          "io.swarmgrid.tasks.workload",
          "io.swarmgrid.tasks.pipeline",
          "io.swarmgrid.tasks.consensus",
          "io.swarmgrid.tasks.balance",
          "io.swarmgrid.tasks.cluster",
          "io.swarmgrid.tasks.diffusion",
          "io.swarmgrid.tasks.fault",
          "io.swarmgrid.tasks.region");

  @Override
  public List<CompactSerializer<?>> compactSerializers() {
    return List.of(
        new DiffusionTaskSerializer(),
        new ShareStateSerializer(),
        new ClaimSerializer(),
        new CopyResultSerializer(),
        new VisitSerializer(),
        new TopologyNodeSerializer(),
        new TopologyLinkSerializer(),
        new HopSerializer(),
        new WordCountsSerializer(),
        new LogReportSerializer(),
        new SearchIndexSerializer());
  }

  @Override
  public Map<Integer, DataSerializableFactory> dataSerializableFactories() {
    return Map.of();
  }

  @Override
  public List<String> javaSerializationWhitelist() {
    return JAVA_WHITELIST;
  }
}
