package io.swarmgrid.tasks.internal;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.SerializationModule;
import io.swarmgrid.tasks.balance.BalanceTasks;
import io.swarmgrid.tasks.consensus.ConsensusFactory;
import io.swarmgrid.tasks.diffusion.DiffusionFactory;
import io.swarmgrid.tasks.fault.FaultTasks;
import io.swarmgrid.tasks.pipeline.PipelineFactory;
import io.swarmgrid.tasks.region.RegionFactory;
import io.swarmgrid.tasks.swarm.SwarmTaskFactory;
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
   */
  static final List<String> JAVA_WHITELIST =
      List.of(
          "io.swarmgrid.tasks.workload",
          "io.swarmgrid.tasks.workload.logs",
          "io.swarmgrid.tasks.workload.logs.internal",
          "io.swarmgrid.tasks.workload.lucene",
          "io.swarmgrid.tasks.pipeline",
          "io.swarmgrid.tasks.pipeline.internal");

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
    return Map.of(
        FactoryIds.BALANCE, new BalanceTasks.Factory(),
        FactoryIds.REGION, new RegionFactory(),
        FactoryIds.DIFFUSION, new DiffusionFactory(),
        FactoryIds.FAULT, new FaultTasks.Factory(),
        FactoryIds.CLUSTER, new ClusterFactory(),
        FactoryIds.CONSENSUS, new ConsensusFactory(),
        FactoryIds.SWARM_TASKS, SwarmTaskFactory.create(),
        FactoryIds.PIPELINE, new PipelineFactory());
  }

  @Override
  public List<String> javaSerializationWhitelist() {
    return JAVA_WHITELIST;
  }

  /** {@code ClaimChunk}'s answer is an enum, which Hazelcast Java-serializes. */
  @Override
  public List<String> javaSerializationWhitelistClasses() {
    return List.of("io.swarmgrid.tasks.diffusion.ClaimChunk$Outcome");
  }
}
