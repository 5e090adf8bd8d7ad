package io.swarmgrid.tasks.fault;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.checkpoint.CheckpointInfo;
import io.swarmgrid.storage.checkpoint.CheckpointStore;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceStore;
import io.swarmgrid.storage.reputation.ReleaseOrder;
import io.swarmgrid.storage.reputation.ReputationRule;
import io.swarmgrid.storage.reputation.ReputationStore;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.tasks.diffusion.ShareResults;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Fault-tolerance operations that a client asks a member to run, so that verification and limits
 * use the member's own SwarmGrid config (its {@code fault} and {@code storage} sections), not the
 * client's. A member offers them while its fault engine runs; they read the member's config from
 * its {@link SwarmServices}.
 */
public final class FaultTasks {
  /** The executor these tasks run on. */
  public static final String EXECUTOR = "swarm.fault-exec";

  private FaultTasks() {}

  /**
   * Verifies and stores evidence; returns whether it counted. Results are plain values, not Compact
   * records: read the accused's reputation from the map afterwards.
   */
  public static Callable<Boolean> submitEvidence(Evidence evidence) {
    return new SubmitEvidence(evidence);
  }

  /**
   * Releases the quarantine an operator signed {@code order} for; the member checks it with its
   * {@code fault.operator-public-key}. Returns whether the node was released.
   */
  public static Callable<Boolean> release(ReleaseOrder order) {
    return new Release(order);
  }

  /**
   * Saves a checkpoint within the member's size and retention limits; returns {@code [owner,
   * version, size, sha256, createdAt]} (see {@link #checkpointInfo}).
   */
  public static Callable<List<Object>> saveCheckpoint(String owner, byte[] data) {
    return new SaveCheckpoint(owner, data.clone());
  }

  static SwarmGridConfig config(HazelcastInstance hz) {
    return SwarmServices.find(hz, SwarmGridConfig.class)
        .filter(c -> c.engines().isEnabled(EngineKind.FAULT))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the fault engine is not running on member "
                        + hz.getCluster().getLocalMember().getAddress()
                        + " (swarmgrid.engines.fault: false)"));
  }

  /**
   * Creates the fault-tolerance tasks that cross the wire ({@code IdentifiedDataSerializable},
   * factory id {@link FactoryIds#FAULT}). Registered by {@code SwarmSerialization}; members name it
   * in {@code swarmgrid-member.yaml}.
   */
  public static final class Factory implements DataSerializableFactory {
    static final int SUBMIT_EVIDENCE = 1;
    static final int RELEASE = 2;
    static final int SAVE_CHECKPOINT = 3;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
      return switch (typeId) {
        case SUBMIT_EVIDENCE -> new SubmitEvidence();
        case RELEASE -> new Release();
        case SAVE_CHECKPOINT -> new SaveCheckpoint();
        default -> null;
      };
    }
  }

  private abstract static class MemberTask<T>
      implements Callable<T>, HazelcastInstanceAware, IdentifiedDataSerializable {
    transient HazelcastInstance hz;

    @Override
    public void setHazelcastInstance(HazelcastInstance hz) {
      this.hz = hz;
    }

    @Override
    public int getFactoryId() {
      return FactoryIds.FAULT;
    }
  }

  private static final class SubmitEvidence extends MemberTask<Boolean> {
    private Evidence evidence;

    SubmitEvidence() {}

    SubmitEvidence(Evidence e) {
      this.evidence = e;
    }

    @Override
    public int getClassId() {
      return Factory.SUBMIT_EVIDENCE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeObject(evidence);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      evidence = in.readObject();
    }

    @Override
    public Boolean call() {
      return evidenceStore(hz).submit(evidence, System.currentTimeMillis()).counted();
    }
  }

  private static final class Release extends MemberTask<Boolean> {
    private String nodeId;
    private String state;
    private byte[] signature;

    Release() {}

    Release(ReleaseOrder order) {
      this.nodeId = order.nodeId();
      this.state = order.state();
      this.signature = order.signature();
    }

    @Override
    public int getClassId() {
      return Factory.RELEASE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(nodeId);
      out.writeString(state);
      out.writeByteArray(signature);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      nodeId = in.readString();
      state = in.readString();
      signature = in.readByteArray();
    }

    @Override
    public Boolean call() {
      SwarmGridConfig c = config(hz);
      new ReputationStore(hz)
          .release(
              new ReleaseOrder(nodeId, state, signature),
              c.fault().operatorKey().orElse(null),
              ReputationRule.of(c.fault()),
              System.currentTimeMillis());
      return true;
    }
  }

  /** The {@link CheckpointInfo} of a {@link #saveCheckpoint} result. */
  public static CheckpointInfo checkpointInfo(List<Object> r) {
    return new CheckpointInfo(
        (String) r.get(0), (Long) r.get(1), (Integer) r.get(2), (String) r.get(3), (Long) r.get(4));
  }

  private static final class SaveCheckpoint extends MemberTask<List<Object>> {
    private String owner;
    private byte[] data;

    SaveCheckpoint() {}

    SaveCheckpoint(String owner, byte[] data) {
      this.owner = owner;
      this.data = data;
    }

    @Override
    public int getClassId() {
      return Factory.SAVE_CHECKPOINT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(owner);
      out.writeByteArray(data);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      owner = in.readString();
      data = in.readByteArray();
    }

    @Override
    public List<Object> call() {
      SwarmGridConfig c = config(hz);
      CheckpointInfo i =
          new CheckpointStore(
                  hz, c.storage().checkpointMaxBytes(), c.storage().checkpointRetainedVersions())
              .save(owner, data);
      return new ArrayList<>(List.of(i.owner(), i.version(), i.size(), i.sha256(), i.createdAt()));
    }
  }

  static EvidenceStore evidenceStore(HazelcastInstance hz) {
    SwarmGridConfig c = config(hz);
    return new EvidenceStore(
        hz,
        ReputationRule.of(c.fault()),
        c.fault().maxEvidenceMaterialBytes(),
        new ShareResults(hz),
        c.storage().maxEntriesPerMember());
  }
}
