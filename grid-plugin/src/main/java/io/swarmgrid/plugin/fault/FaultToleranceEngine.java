package io.swarmgrid.plugin.fault;

import com.hazelcast.core.HazelcastInstance;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.swarmgrid.config.BreakerConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.FaultConfig;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.plugin.fault.internal.RecoveryCoordinator;
import io.swarmgrid.storage.breaker.BreakerState;
import io.swarmgrid.storage.breaker.BreakerStateStore;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceKind;
import io.swarmgrid.storage.evidence.EvidenceStore;
import io.swarmgrid.storage.evidence.SignedPayload;
import io.swarmgrid.storage.recovery.HealthMonitor;
import io.swarmgrid.storage.recovery.NodeHealth;
import io.swarmgrid.storage.recovery.RecoveryEventStore;
import io.swarmgrid.storage.reputation.ReleaseOrder;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.reputation.ReputationEvent;
import io.swarmgrid.storage.reputation.ReputationRule;
import io.swarmgrid.storage.reputation.ReputationStore;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.work.WorkStore;
import io.swarmgrid.tasks.diffusion.ShareResults;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member side of fault tolerance ({@code swarmgrid.engines.fault: true}): records outcomes and
 * evidence into reputations with the configured {@link ReputationRule}, answers whether a node is
 * quarantined, reports evidence signed with this node's key, and owns this node's Resilience4j
 * circuit breakers (created from {@code fault.breakers} by name), publishing every state transition
 * to {@code swarm.breakers} so that every member and client sees which breakers are open where. It
 * also heals: when a member is lost, its nodes' work items ({@link #work()}) move to healthy nodes
 * after {@code fault.recovery-grace-seconds}, and each recovery is recorded ({@link
 * #recoveryEvents()}).
 *
 * <p>Other engines find it with {@code SwarmGrid.service(member, FaultToleranceEngine.class)}.
 */
public final class FaultToleranceEngine implements SwarmEngine {
  private static final Logger LOG = LoggerFactory.getLogger(FaultToleranceEngine.class);

  private volatile SwarmNode node;
  private FaultConfig config;
  private ReputationRule rule;
  private ReputationStore reputations;
  private EvidenceStore evidence;
  private BreakerStateStore breakerStates;
  private CircuitBreakerRegistry breakers;
  private RetryRegistry retries;
  private WorkStore work;
  private RecoveryEventStore recoveryEvents;
  private HealthMonitor health;
  private RecoveryCoordinator recovery;

  @Override
  public EngineKind kind() {
    return EngineKind.FAULT;
  }

  @Override
  public void start(SwarmNode node) {
    HazelcastInstance hz = node.hazelcast();
    this.config = node.config().fault();
    this.rule = ReputationRule.of(config);
    this.reputations = new ReputationStore(hz);
    this.evidence =
        new EvidenceStore(
            hz,
            rule,
            config.maxEvidenceMaterialBytes(),
            new ShareResults(hz),
            node.config().storage().maxEntriesPerMember());
    this.breakerStates = new BreakerStateStore(hz);
    this.breakers = CircuitBreakerRegistry.of(circuitBreakerConfig(config.breakerDefaults()));
    this.retries = RetryRegistry.of(retryConfig(config.breakerDefaults()));
    this.work = new WorkStore(hz, config.maxWorkItems());
    this.recoveryEvents = new RecoveryEventStore(hz, config.maxRecoveryEvents());
    this.health = new HealthMonitor(hz, work);
    this.recovery =
        new RecoveryCoordinator(
            hz,
            node.nodeId(),
            config,
            node.config().node().heartbeatSeconds(),
            work,
            health,
            recoveryEvents);
    this.node = node;
    recovery.start();
    SwarmServices.of(hz).put(FaultToleranceEngine.class, this);
    LOG.info(
        "fault engine started on {}: quarantine below {}, release by {}",
        node.nodeId(),
        config.quarantineThreshold(),
        config.releasePolicy());
  }

  @Override
  public void stop() {
    SwarmNode n = node;
    if (n == null) {
      return;
    }
    node = null;
    recovery.stop();
    SwarmServices.of(n.hazelcast()).remove(FaultToleranceEngine.class, this);
    try {
      breakerStates.removeNode(n.nodeId());
    } catch (RuntimeException e) {
      LOG.debug("could not remove the breaker states of {} while stopping", n.nodeId(), e);
    }
  }

  /** The reputation rule from this member's config. */
  public ReputationRule rule() {
    return rule;
  }

  /** Reputations, updated next to their entries. */
  public ReputationStore reputations() {
    return reputations;
  }

  /** Verified, append-only evidence. */
  public EvidenceStore evidence() {
    return evidence;
  }

  /**
   * Work ownership ({@code swarm.work}): create items owned by a node, complete them with the
   * owner's lease; recovery moves the items of lost nodes. Bounded by {@code fault.max-work-items}.
   */
  public WorkStore work() {
    return work;
  }

  /** What recovery did after each lost node, bounded by {@code fault.max-recovery-events}. */
  public RecoveryEventStore recoveryEvents() {
    return recoveryEvents;
  }

  /** Every registered node's health now: heartbeat age, load, reputation, breakers not closed. */
  public List<NodeHealth> health() {
    return health.health(System.currentTimeMillis());
  }

  /**
   * The healthy node with the least work now (active, fresh heartbeat, not quarantined, no open
   * breaker), for placing new work; empty if there is none.
   */
  public Optional<String> leastLoadedHealthyNode() {
    long maxAge = 3_000L * running().config().node().heartbeatSeconds() + 1_000L;
    return health().stream()
        .filter(h -> h.healthy(maxAge))
        .min(java.util.Comparator.comparingLong(NodeHealth::load).thenComparing(NodeHealth::nodeId))
        .map(NodeHealth::nodeId);
  }

  /** Records an outcome (task, vote, timeout) of {@code nodeId}; returns its new reputation. */
  public Reputation record(String nodeId, ReputationEvent event) {
    return reputations.record(nodeId, event, rule, System.currentTimeMillis());
  }

  /** Whether {@code nodeId} is quarantined: it gets no vote weight and no new work. */
  public boolean isQuarantined(String nodeId) {
    return reputations.isQuarantined(nodeId);
  }

  /**
   * Releases the quarantine an operator signed {@code order} for, checked with {@code
   * fault.operator-public-key}.
   *
   * @throws IllegalStateException if no operator key is configured
   * @throws IllegalArgumentException if the order does not verify or is stale; nothing changed
   */
  public Reputation release(ReleaseOrder order) {
    return reputations.release(
        order, config.operatorKey().orElse(null), rule, System.currentTimeMillis());
  }

  /**
   * Reports evidence against {@code accusedNodeId}, signed with this node's key, and submits it.
   *
   * @throws io.swarmgrid.storage.evidence.EvidenceRejectedException if it does not verify
   */
  public EvidenceStore.Submission report(
      EvidenceKind kind, String accusedNodeId, String subject, List<SignedPayload> material) {
    SwarmNode n = running();
    long now = System.currentTimeMillis();
    Evidence e = Evidence.sign(kind, accusedNodeId, subject, material, n.nodeId(), n.keys(), now);
    EvidenceStore.Submission s = evidence.submit(e, now);
    if (s.counted()) {
      LOG.warn(
          "evidence {} against {} ({}): reputation {} {}",
          e.evidenceId(),
          accusedNodeId,
          kind,
          String.format("%.3f", s.accused().score()),
          s.accused().quarantined() ? "QUARANTINED" : "");
    }
    return s;
  }

  /**
   * The circuit breaker named {@code name}, created on first use from {@code fault.breakers.<name>}
   * (or the defaults); its transitions are published to {@code swarm.breakers}.
   */
  public CircuitBreaker breaker(String name) {
    SwarmNode n = running();
    return breakers
        .find(name)
        .orElseGet(
            () -> {
              synchronized (this) {
                Optional<CircuitBreaker> again = breakers.find(name);
                if (again.isPresent()) {
                  return again.get();
                }
                CircuitBreaker cb =
                    breakers.circuitBreaker(name, circuitBreakerConfig(config.breaker(name)));
                cb.getEventPublisher().onStateTransition(ev -> publish(n, cb));
                publish(n, cb);
                return cb;
              }
            });
  }

  /** The retry named {@code name}, from {@code fault.breakers.<name>} (or the defaults). */
  public Retry retry(String name) {
    return retries.retry(name, retryConfig(config.breaker(name)));
  }

  /**
   * Runs {@code call} (a call to another node or an outside service) through the retry and the
   * circuit breaker named {@code name}: retried as configured, refused at once while the breaker is
   * open ({@link CallNotPermittedException}, never retried).
   */
  public <T> T call(String name, Supplier<T> call) {
    CircuitBreaker cb = breaker(name);
    return Retry.decorateSupplier(retry(name), CircuitBreaker.decorateSupplier(cb, call)).get();
  }

  private void publish(SwarmNode n, CircuitBreaker cb) {
    try {
      breakerStates.publish(
          new BreakerState(
              n.nodeId(),
              cb.getName(),
              cb.getState().name(),
              System.currentTimeMillis(),
              cb.getMetrics().getFailureRate()));
      LOG.info("breaker {} on {} is {}", cb.getName(), n.nodeId(), cb.getState());
    } catch (RuntimeException e) {
      LOG.warn("could not publish the state of breaker {}", cb.getName(), e);
    }
  }

  private SwarmNode running() {
    SwarmNode n = node;
    if (n == null) {
      throw new IllegalStateException("the fault engine is not running");
    }
    return n;
  }

  private static CircuitBreakerConfig circuitBreakerConfig(BreakerConfig b) {
    return CircuitBreakerConfig.custom()
        .failureRateThreshold(b.failureRatePercent())
        .slidingWindowSize(b.slidingWindowCalls())
        .minimumNumberOfCalls(b.minimumCalls())
        .waitDurationInOpenState(Duration.ofMillis(b.openWaitMillis()))
        .permittedNumberOfCallsInHalfOpenState(b.halfOpenCalls())
        .automaticTransitionFromOpenToHalfOpenEnabled(true)
        .build();
  }

  private static RetryConfig retryConfig(BreakerConfig b) {
    return RetryConfig.custom()
        .maxAttempts(b.retryAttempts())
        .waitDuration(Duration.ofMillis(b.retryWaitMillis()))
        .ignoreExceptions(CallNotPermittedException.class)
        .build();
  }
}
