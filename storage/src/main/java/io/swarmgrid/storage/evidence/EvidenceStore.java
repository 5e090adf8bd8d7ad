package io.swarmgrid.storage.evidence;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.swarmgrid.config.StorageConfig;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.internal.EntryLimit;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.reputation.ReputationEvent;
import io.swarmgrid.storage.reputation.ReputationRule;
import io.swarmgrid.storage.reputation.ReputationStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to {@code swarm.evidence}: append-only, verified before it counts. {@link #submit}
 * checks the evidence against the node registry, the signatures and what its kind claims, stores it
 * with {@code putIfAbsent} (the same material counts once), and then lowers the accused's
 * reputation with the rule, next to its entry, which may quarantine it.
 */
public final class EvidenceStore {
  private final IMap<String, Evidence> evidence;
  private final NodeRegistry registry;
  private final ReputationStore reputations;
  private final ReputationRule rule;
  private final int maxMaterialBytes;
  private final MaterialChecks checks;
  private final EntryLimit limit;

  /**
   * The store of the cluster {@code hz} belongs to.
   *
   * @param rule the reputation rule that evidence is applied with
   * @param maxMaterialBytes largest material accepted ({@code fault.max-evidence-material-bytes})
   */
  public EvidenceStore(HazelcastInstance hz, ReputationRule rule, int maxMaterialBytes) {
    this(
        hz,
        rule,
        maxMaterialBytes,
        AgreedResults.NONE,
        StorageConfig.DEFAULTS.maxEntriesPerMember());
  }

  /**
   * The store of the cluster {@code hz} belongs to, checking disagreeing results against {@code
   * agreedResults}.
   *
   * @param rule the reputation rule that evidence is applied with
   * @param maxMaterialBytes largest material accepted ({@code fault.max-evidence-material-bytes})
   * @param agreedResults the record of redundant work ({@link AgreedResults#NONE}: none)
   * @param maxEntriesPerMember {@code storage.max-entries-per-member}: new evidence is refused
   *     beyond this many entries per data member (evidence is never evicted)
   */
  public EvidenceStore(
      HazelcastInstance hz,
      ReputationRule rule,
      int maxMaterialBytes,
      AgreedResults agreedResults,
      int maxEntriesPerMember) {
    this.checks = new MaterialChecks(this::known, agreedResults);
    this.evidence = hz.getMap(SwarmMap.EVIDENCE.mapName());
    this.limit = new EntryLimit(hz, evidence, maxEntriesPerMember);
    this.registry = new NodeRegistry(hz);
    this.reputations = new ReputationStore(hz);
    this.rule = rule;
    this.maxMaterialBytes = maxMaterialBytes;
  }

  /**
   * What a submission did.
   *
   * @param evidence the evidence as stored
   * @param counted whether this submission was new and lowered the accused's reputation ({@code
   *     false} when the same allegation was stored before)
   * @param accused the accused's reputation afterwards
   */
  public record Submission(Evidence evidence, boolean counted, Reputation accused) {}

  /**
   * Verifies, stores and applies evidence.
   *
   * @param now epoch millis, for the reputation update
   * @throws EvidenceRejectedException if it does not verify; nothing is stored or changed then
   * @throws IllegalStateException if {@code swarm.evidence} is full; nothing is stored or changed
   */
  public Submission submit(Evidence e, long now) {
    verify(e);
    if (!evidence.containsKey(e.evidenceId())) {
      limit.checkRoomFor(1);
    }
    Evidence previous = evidence.putIfAbsent(e.evidenceId(), e);
    if (previous != null) {
      return new Submission(previous, false, reputations.get(e.accusedNodeId()));
    }
    ReputationEvent event =
        e.kind().selfProving()
            ? ReputationEvent.EVIDENCE_SELF_PROVING
            : ReputationEvent.EVIDENCE_REPORTED;
    return new Submission(e, true, reputations.record(e.accusedNodeId(), event, rule, now));
  }

  /**
   * Checks evidence without storing it: fields present, material within the size limit, id matching
   * the material, reporter and accused registered, reporter not quarantined, the reporter's
   * signature valid with its registered key, and the material showing what the kind claims (see
   * {@link EvidenceKind}), about the subject it names.
   *
   * @throws EvidenceRejectedException naming the first field that fails
   */
  public void verify(Evidence e) {
    if (e == null) {
      throw new EvidenceRejectedException("evidence", null, "is required");
    }
    require("kind", e.kind());
    require("accusedNodeId", e.accusedNodeId());
    require("reporterNodeId", e.reporterNodeId());
    require("subject", e.subject());
    if (e.accusedNodeId().equals(e.reporterNodeId())) {
      throw new EvidenceRejectedException(
          "reporterNodeId", e.reporterNodeId(), "is the accused node itself");
    }
    if (e.material().isEmpty()) {
      throw new EvidenceRejectedException(
          "material", "0 payloads", "must hold at least one signed payload");
    }
    if (e.materialBytes() > maxMaterialBytes) {
      throw new EvidenceRejectedException(
          "material",
          e.materialBytes() + " bytes",
          "exceeds fault.max-evidence-material-bytes " + maxMaterialBytes);
    }
    String expectedId = Evidence.idOf(e.kind(), e.accusedNodeId(), e.material());
    if (!expectedId.equals(e.evidenceId())) {
      throw new EvidenceRejectedException(
          "evidenceId", e.evidenceId(), "does not match its content (expected " + expectedId + ")");
    }
    NodeInfo reporter = known("reporterNodeId", e.reporterNodeId());
    NodeInfo accused = known("accusedNodeId", e.accusedNodeId());
    if (reputations.isQuarantined(reporter.nodeId())) {
      throw new EvidenceRejectedException(
          "reporterNodeId", reporter.nodeId(), "is quarantined and cannot report evidence");
    }
    if (!NodeKeys.verify(reporter.publicKey(), e.signingBytes(), e.reporterSignature())) {
      throw new EvidenceRejectedException(
          "reporterSignature",
          e.reporterSignature().length + " bytes",
          "does not verify with the registered public key of reporter " + reporter.nodeId());
    }
    checks.check(e, accused);
  }

  /** One piece of evidence, if stored. */
  public Optional<Evidence> get(String evidenceId) {
    return Optional.ofNullable(evidence.get(evidenceId));
  }

  /** The evidence against one node, oldest first (a query on {@code accusedNodeId}). */
  public List<Evidence> against(String nodeId) {
    return evidence.values(Predicates.equal("accusedNodeId", nodeId)).stream()
        .sorted(Comparator.comparingLong(Evidence::reportedAt).thenComparing(Evidence::evidenceId))
        .toList();
  }

  /** All stored evidence, newest first, at most {@code limit}. */
  public List<Evidence> recent(int limit) {
    return evidence.values().stream()
        .sorted(
            Comparator.comparingLong(Evidence::reportedAt)
                .reversed()
                .thenComparing(Evidence::evidenceId))
        .limit(Math.max(0, limit))
        .toList();
  }

  private NodeInfo known(String field, String nodeId) {
    return registry
        .get(nodeId)
        .orElseThrow(
            () -> new EvidenceRejectedException(field, nodeId, "is not a registered node"));
  }

  private static void require(String field, Object value) {
    if (value == null || (value instanceof String s && s.isEmpty())) {
      throw new EvidenceRejectedException(field, null, "is required");
    }
  }
}
