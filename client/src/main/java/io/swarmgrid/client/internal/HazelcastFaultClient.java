package io.swarmgrid.client.internal;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.client.fault.FaultClient;
import io.swarmgrid.config.FaultConfig;
import io.swarmgrid.config.StorageConfig;
import io.swarmgrid.storage.breaker.BreakerState;
import io.swarmgrid.storage.breaker.BreakerStateStore;
import io.swarmgrid.storage.checkpoint.Checkpoint;
import io.swarmgrid.storage.checkpoint.CheckpointInfo;
import io.swarmgrid.storage.checkpoint.CheckpointStore;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceStore;
import io.swarmgrid.storage.recovery.HealthMonitor;
import io.swarmgrid.storage.recovery.NodeHealth;
import io.swarmgrid.storage.recovery.RecoveryEvent;
import io.swarmgrid.storage.recovery.RecoveryEventStore;
import io.swarmgrid.storage.reputation.ReleaseOrder;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.reputation.ReputationRule;
import io.swarmgrid.storage.reputation.ReputationStore;
import io.swarmgrid.storage.work.WorkStore;
import io.swarmgrid.tasks.fault.FaultTasks;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link FaultClient} over a Hazelcast client. */
final class HazelcastFaultClient implements FaultClient {
  private final HazelcastInstance client;
  private final ReputationStore reputations;
  private final BreakerStateStore breakers;
  // Reads only: limits do not apply to reading, the rule is not used for queries.
  private final EvidenceStore evidence;
  private final CheckpointStore checkpoints;
  private final WorkStore work;
  private final RecoveryEventStore recoveryEvents;
  private final HealthMonitor health;

  HazelcastFaultClient(HazelcastInstance client) {
    this.client = client;
    this.reputations = new ReputationStore(client);
    this.breakers = new BreakerStateStore(client);
    this.evidence = new EvidenceStore(client, ReputationRule.DEFAULT, 1);
    this.checkpoints =
        new CheckpointStore(
            client,
            StorageConfig.DEFAULTS.checkpointMaxBytes(),
            StorageConfig.DEFAULTS.checkpointRetainedVersions());
    this.work = new WorkStore(client, FaultConfig.DEFAULTS.maxWorkItems());
    // Reads only: members record the events and keep them within their own bound.
    this.recoveryEvents = new RecoveryEventStore(client, FaultConfig.DEFAULTS.maxRecoveryEvents());
    this.health = new HealthMonitor(client, work);
  }

  @Override
  public Reputation reputation(String nodeId) {
    return reputations.get(nodeId);
  }

  @Override
  public List<Reputation> reputations() {
    return reputations.all();
  }

  @Override
  public List<Reputation> quarantined() {
    return reputations.quarantined();
  }

  @Override
  public Reputation release(ReleaseOrder order) {
    onMember(FaultTasks.release(order), "release " + order.nodeId());
    return reputations.get(order.nodeId());
  }

  @Override
  public EvidenceReceipt reportEvidence(Evidence e) {
    boolean counted = onMember(FaultTasks.submitEvidence(e), "submit evidence");
    return new EvidenceReceipt(counted, reputations.get(e.accusedNodeId()));
  }

  @Override
  public List<Evidence> evidenceAgainst(String nodeId) {
    return evidence.against(nodeId);
  }

  @Override
  public List<Evidence> recentEvidence(int limit) {
    return evidence.recent(limit);
  }

  @Override
  public List<BreakerState> breakers() {
    return breakers.all();
  }

  @Override
  public CheckpointInfo saveCheckpoint(String owner, byte[] data) {
    return FaultTasks.checkpointInfo(
        onMember(FaultTasks.saveCheckpoint(owner, data), "save checkpoint of " + owner));
  }

  @Override
  public List<CheckpointInfo> checkpoints(String owner) {
    return checkpoints.list(owner);
  }

  @Override
  public Optional<Checkpoint> restoreLatest(String owner) {
    return checkpoints.restoreLatest(owner);
  }

  @Override
  public Checkpoint restore(String owner, long version) {
    return checkpoints.restore(owner, version);
  }

  @Override
  public List<RecoveryEvent> recoveryEvents() {
    return recoveryEvents.all();
  }

  @Override
  public List<NodeHealth> health() {
    return health.health(System.currentTimeMillis());
  }

  @Override
  public WorkStore work() {
    return work;
  }

  private <T> T onMember(Callable<T> task, String what) {
    try {
      return client.getExecutorService(FaultTasks.EXECUTOR).submit(task).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + what, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof IllegalStateException ise) {
        throw new IllegalStateException(ise.getMessage(), e);
      }
      throw new IllegalArgumentException(cause.getMessage(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(what + " got no answer within 30 s", e);
    }
  }
}
