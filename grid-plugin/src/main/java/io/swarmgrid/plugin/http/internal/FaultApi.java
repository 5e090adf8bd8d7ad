package io.swarmgrid.plugin.http.internal;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.FaultConfig;
import io.swarmgrid.plugin.http.ApiException;
import io.swarmgrid.plugin.http.ApiRouter;
import io.swarmgrid.plugin.http.ApiRoutes;
import io.swarmgrid.storage.breaker.BreakerStateStore;
import io.swarmgrid.storage.evidence.EvidenceStore;
import io.swarmgrid.storage.recovery.HealthMonitor;
import io.swarmgrid.storage.recovery.RecoveryEventStore;
import io.swarmgrid.storage.reputation.ReleaseOrder;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.reputation.ReputationRule;
import io.swarmgrid.storage.reputation.ReputationStore;
import io.swarmgrid.storage.work.WorkStore;
import io.swarmgrid.tasks.fault.FaultTasks;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Reputations, evidence, quarantine, breakers, work and recovery. */
public final class FaultApi implements ApiRoutes {
  /**
   * What {@code POST /quarantine/{id}/release} takes: the operator's order.
   *
   * @param state the record state the order is bound to ({@code releaseState} of {@code GET
   *     /quarantine/{id}})
   * @param signature Base64 Ed25519 signature with the key of {@code fault.operator-public-key}
   */
  public record ReleaseBody(String state, String signature) {}

  @Override
  public void register(ApiRouter router) {
    router
        .get(
            "/reputations",
            "fault",
            "every node's reputation",
            r -> r.page(new ReputationStore(r.member()).all()))
        .get(
            "/reputations/{id}",
            "fault",
            "one node's reputation",
            r -> reputation(r.member(), r.path("id")))
        .get(
            "/evidence",
            "fault",
            "recent evidence (?against=NODE for one node's)",
            r -> {
              EvidenceStore store = new EvidenceStore(r.member(), ReputationRule.DEFAULT, 1);
              String against = r.query("against", null);
              return r.page(
                  against == null
                      ? store.recent(r.intQuery("newest", 100, 1, 10_000))
                      : store.against(against));
            })
        .get(
            "/quarantine",
            "fault",
            "quarantined nodes",
            r -> r.page(new ReputationStore(r.member()).quarantined()))
        .get(
            "/quarantine/{id}",
            "fault",
            "one node's quarantine and the state an operator's release order signs",
            r -> {
              Reputation rep = reputation(r.member(), r.path("id"));
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("reputation", rep);
              out.put("releaseState", ReleaseOrder.stateOf(rep));
              return out;
            })
        .post(
            "/quarantine/{id}/release",
            "fault",
            "release a quarantined node with an order signed by the operator key",
            "{\"state\":\"<releaseState>\",\"signature\":\"<Base64 Ed25519>\"}",
            r -> {
              String id = r.path("id");
              reputation(r.member(), id);
              ReleaseBody b = r.body(ReleaseBody.class);
              if (b.state() == null || b.state().isEmpty()) {
                throw ApiException.badRequest("state", b.state(), "is required");
              }
              byte[] signature;
              try {
                signature = Base64.getDecoder().decode(b.signature() == null ? "" : b.signature());
              } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("signature", b.signature(), "is not Base64");
              }
              boolean released =
                  onMember(
                      r.member(), FaultTasks.release(new ReleaseOrder(id, b.state(), signature)));
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("released", released);
              out.put("reputation", new ReputationStore(r.member()).get(id));
              return out;
            })
        .get(
            "/breakers",
            "fault",
            "circuit breakers of every node",
            r -> r.page(new BreakerStateStore(r.member()).all()))
        .get(
            "/recovery-events",
            "fault",
            "work recovered from lost nodes",
            r ->
                r.page(
                    new RecoveryEventStore(r.member(), FaultConfig.DEFAULTS.maxRecoveryEvents())
                        .all()))
        .get(
            "/health/nodes",
            "fault",
            "health per node (heartbeat age, work held)",
            r -> {
              WorkStore work = new WorkStore(r.member(), FaultConfig.DEFAULTS.maxWorkItems());
              return r.page(new HealthMonitor(r.member(), work).health(System.currentTimeMillis()));
            })
        .get(
            "/work/{id}",
            "fault",
            "one work item and its owner",
            r ->
                new WorkStore(r.member(), FaultConfig.DEFAULTS.maxWorkItems())
                    .get(r.path("id"))
                    .orElseThrow(() -> ApiException.notFound("id", r.path("id"), "work item")));
  }

  private static Reputation reputation(HazelcastInstance hz, String id) {
    if (new io.swarmgrid.storage.node.NodeRegistry(hz).get(id).isEmpty()) {
      throw ApiException.notFound("id", id, "node");
    }
    return new ReputationStore(hz).get(id);
  }

  private static <T> T onMember(HazelcastInstance hz, java.util.concurrent.Callable<T> task)
      throws Exception {
    try {
      return hz.getExecutorService(FaultTasks.EXECUTOR).submit(task).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception c ? c : e;
    }
  }
}
