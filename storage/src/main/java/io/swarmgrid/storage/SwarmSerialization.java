package io.swarmgrid.storage;

import com.hazelcast.config.CompactSerializationConfig;
import com.hazelcast.config.CompactSerializationConfigAccessor;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import io.swarmgrid.storage.internal.AgentKeySerializer;
import io.swarmgrid.storage.internal.AgentStateSerializer;
import io.swarmgrid.storage.internal.BreakerStateSerializer;
import io.swarmgrid.storage.internal.CheckpointKeySerializer;
import io.swarmgrid.storage.internal.CheckpointSerializer;
import io.swarmgrid.storage.internal.ColonyRecordSerializer;
import io.swarmgrid.storage.internal.CommitShardSerializer;
import io.swarmgrid.storage.internal.DecisionSerializer;
import io.swarmgrid.storage.internal.EvidenceSerializer;
import io.swarmgrid.storage.internal.InterestLevelsSerializer;
import io.swarmgrid.storage.internal.MessageSerializer;
import io.swarmgrid.storage.internal.ModelRecordSerializer;
import io.swarmgrid.storage.internal.NodeInfoSerializer;
import io.swarmgrid.storage.internal.OutcomeRecordSerializer;
import io.swarmgrid.storage.internal.PatternEventSerializer;
import io.swarmgrid.storage.internal.PheromoneTrailSerializer;
import io.swarmgrid.storage.internal.ProposalSerializer;
import io.swarmgrid.storage.internal.RecoveryEventSerializer;
import io.swarmgrid.storage.internal.RegionHealthSerializer;
import io.swarmgrid.storage.internal.ReplicationStampSerializer;
import io.swarmgrid.storage.internal.ReplicationStatusSerializer;
import io.swarmgrid.storage.internal.ReputationSerializer;
import io.swarmgrid.storage.internal.SignedPayloadSerializer;
import io.swarmgrid.storage.internal.TallySerializer;
import io.swarmgrid.storage.internal.TaskSerializer;
import io.swarmgrid.storage.internal.VoteSerializer;
import io.swarmgrid.storage.internal.WorkItemSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Compact serializers of SwarmGrid's records. Type names start with {@code swarmgrid.} and
 * fields are plain Compact types (enums as strings), so clients in other languages read them as
 * generic records. Members and clients must register the same serializers: programmatically with
 * {@link #register}, or in {@code hazelcast.yaml} by importing {@code
 * classpath:swarmgrid-serializers.yaml} (or the plugin's {@code classpath:swarmgrid-member.yaml});
 * see {@link #yamlSnippet()}.
 */
public final class SwarmSerialization {
  private static final List<Supplier<CompactSerializer<?>>> SERIALIZERS =
      List.of(
          NodeInfoSerializer::new,
          ReputationSerializer::new,
          InterestLevelsSerializer::new,
          CheckpointKeySerializer::new,
          CheckpointSerializer::new,
          ProposalSerializer::new,
          VoteSerializer::new,
          DecisionSerializer::new,
          TallySerializer::new,
          OutcomeRecordSerializer::new,
          CommitShardSerializer::new,
          ModelRecordSerializer::new,
          SignedPayloadSerializer::new,
          EvidenceSerializer::new,
          BreakerStateSerializer::new,
          MessageSerializer::new,
          WorkItemSerializer::new,
          RecoveryEventSerializer::new,
          ReplicationStampSerializer::new,
          ReplicationStatusSerializer::new,
          RegionHealthSerializer::new,
          TaskSerializer::new,
          PheromoneTrailSerializer::new,
          AgentKeySerializer::new,
          AgentStateSerializer::new,
          ColonyRecordSerializer::new,
          PatternEventSerializer::new);

  private SwarmSerialization() {}

  /** Registers every SwarmGrid serializer that is not registered yet. */
  public static SerializationConfig register(SerializationConfig config) {
    CompactSerializationConfig compact = config.getCompactSerializationConfig();
    for (Supplier<CompactSerializer<?>> s : SERIALIZERS) {
      CompactSerializer<?> serializer = s.get();
      if (!isRegistered(compact, serializer)) {
        compact.addSerializer(serializer);
      }
    }
    SwarmFactories.register(config);
    return config;
  }

  /** Class names of the serializers that {@code config} lacks; empty when all are there. */
  public static List<String> missingFrom(SerializationConfig config) {
    CompactSerializationConfig compact = config.getCompactSerializationConfig();
    List<String> missing = new ArrayList<>();
    for (Supplier<CompactSerializer<?>> s : SERIALIZERS) {
      CompactSerializer<?> serializer = s.get();
      if (!isRegistered(compact, serializer)) {
        missing.add(serializer.getClass().getName());
      }
    }
    return missing;
  }

  /** Class names of all SwarmGrid serializers. */
  public static List<String> serializerClassNames() {
    return SERIALIZERS.stream().map(s -> s.get().getClass().getName()).toList();
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
