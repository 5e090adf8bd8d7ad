package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import java.util.List;

/**
 * The Compact serializers of the storage module's records. They are package-private: members and
 * clients get them only through {@code SwarmSerialization} (or by name from the bundled YAML, which
 * Hazelcast instantiates reflectively).
 */
public final class StorageSerializers {
  private StorageSerializers() {}

  /** A new instance of every storage serializer. */
  public static List<CompactSerializer<?>> all() {
    return List.of(
        new NodeInfoSerializer(),
        new ReputationSerializer(),
        new InterestLevelsSerializer(),
        new CheckpointKeySerializer(),
        new CheckpointSerializer(),
        new ProposalSerializer(),
        new VoteSerializer(),
        new DecisionSerializer(),
        new TallySerializer(),
        new OutcomeRecordSerializer(),
        new CommitShardSerializer(),
        new ModelRecordSerializer(),
        new SignedPayloadSerializer(),
        new EvidenceSerializer(),
        new BreakerStateSerializer(),
        new MessageSerializer(),
        new WorkItemSerializer(),
        new RecoveryEventSerializer(),
        new ReplicationStampSerializer(),
        new ReplicationStatusSerializer(),
        new RegionHealthSerializer(),
        new TaskSerializer(),
        new TaskKeySerializer(),
        new PheromoneTrailSerializer(),
        new StateUpdateSerializer(),
        new StreamHeadSerializer(),
        new AgentKeySerializer(),
        new AgentStateSerializer(),
        new ColonyRecordSerializer(),
        new ParticleSwarmRecordSerializer(),
        new PatternEventSerializer(),
        new AnomalyAlertSerializer(),
        new MetricReadingSerializer(),
        new TrainingShardSerializer(),
        new SignedUpdateSerializer(),
        new LearningJobSerializer(),
        new ModelVersionSerializer(),
        new RoundReportSerializer());
  }
}
