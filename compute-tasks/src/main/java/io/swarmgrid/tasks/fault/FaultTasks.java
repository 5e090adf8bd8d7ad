package io.swarmgrid.tasks.fault;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.storage.checkpoint.CheckpointInfo;
import io.swarmgrid.storage.checkpoint.CheckpointStore;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceKind;
import io.swarmgrid.storage.evidence.EvidenceStore;
import io.swarmgrid.storage.evidence.SignedPayload;
import io.swarmgrid.storage.reputation.ReleaseOrder;
import io.swarmgrid.storage.reputation.ReputationRule;
import io.swarmgrid.storage.reputation.ReputationStore;
import io.swarmgrid.tasks.diffusion.ShareResults;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Fault-tolerance operations that a client asks a member to run, so that verification and limits
 * use the member's own SwarmGrid config (its {@code fault} and {@code storage} sections), not the
 * client's. A member offers them while its fault engine runs, which puts the config in the member's
 * user context under {@link #CONFIG_KEY}.
 */
public final class FaultTasks {
  /** User-context key of the member's {@link SwarmGridConfig}, set by the fault engine. */
  public static final String CONFIG_KEY = "swarmgrid.fault.config";

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
    Object c = hz.getUserContext().get(CONFIG_KEY);
    if (!(c instanceof SwarmGridConfig config)) {
      throw new IllegalStateException(
          "the fault engine is not running on member "
              + hz.getCluster().getLocalMember().getAddress()
              + " (swarmgrid.engines.fault: false)");
    }
    return config;
  }

  private abstract static class MemberTask<T>
      implements Callable<T>, HazelcastInstanceAware, Serializable {
    private static final long serialVersionUID = 1L;
    transient HazelcastInstance hz;

    @Override
    public void setHazelcastInstance(HazelcastInstance hz) {
      this.hz = hz;
    }
  }

  private static final class SubmitEvidence extends MemberTask<Boolean> {
    private static final long serialVersionUID = 1L;
    // Evidence is a Compact record, not Java-serializable: the task carries its fields.
    private final String evidenceId;
    private final String kind;
    private final String accused;
    private final String reporter;
    private final String subject;
    private final long reportedAt;
    private final String[] signers;
    private final byte[][] payloads;
    private final byte[][] signatures;
    private final byte[] reporterSignature;

    SubmitEvidence(Evidence e) {
      evidenceId = e.evidenceId();
      kind = e.kind() == null ? null : e.kind().name();
      accused = e.accusedNodeId();
      reporter = e.reporterNodeId();
      subject = e.subject();
      reportedAt = e.reportedAt();
      int n = e.material().size();
      signers = new String[n];
      payloads = new byte[n][];
      signatures = new byte[n][];
      for (int i = 0; i < n; i++) {
        SignedPayload p = e.material().get(i);
        signers[i] = p.signerNodeId();
        payloads[i] = p.payload();
        signatures[i] = p.signature();
      }
      reporterSignature = e.reporterSignature();
    }

    @Override
    public Boolean call() {
      List<SignedPayload> material = new ArrayList<>();
      for (int i = 0; i < signers.length; i++) {
        material.add(new SignedPayload(signers[i], payloads[i], signatures[i]));
      }
      Evidence e =
          new Evidence(
              evidenceId,
              kind == null ? null : EvidenceKind.valueOf(kind),
              accused,
              reporter,
              subject,
              reportedAt,
              material,
              reporterSignature);
      return evidenceStore(hz).submit(e, System.currentTimeMillis()).counted();
    }
  }

  private static final class Release extends MemberTask<Boolean> {
    private static final long serialVersionUID = 1L;
    private final String nodeId;
    private final String state;
    private final byte[] signature;

    Release(ReleaseOrder order) {
      this.nodeId = order.nodeId();
      this.state = order.state();
      this.signature = order.signature();
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
    private static final long serialVersionUID = 1L;
    private final String owner;
    private final byte[] data;

    SaveCheckpoint(String owner, byte[] data) {
      this.owner = owner;
      this.data = data;
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
