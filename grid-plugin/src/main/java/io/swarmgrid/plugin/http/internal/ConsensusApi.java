package io.swarmgrid.plugin.http.internal;

import io.swarmgrid.plugin.http.ApiException;
import io.swarmgrid.plugin.http.ApiResponse;
import io.swarmgrid.plugin.http.ApiRouter;
import io.swarmgrid.plugin.http.ApiRoutes;
import io.swarmgrid.storage.consensus.DecisionStore;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.tasks.consensus.ConsensusCalls;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Decisions and proposals. */
public final class ConsensusApi implements ApiRoutes {
  /**
   * What {@code POST /proposals} takes; left-out fields take the builder's defaults.
   *
   * @param proposer node id of the proposer
   * @param type what is decided (DecisionType name)
   * @param priority 0..9
   * @param deadlineSeconds seconds from now until the deadline
   * @param confidence 0..1
   * @param features feature vector
   * @param options labels to choose from
   * @param electorate who may vote; empty: every active node
   */
  public record ProposeBody(
      String proposer,
      String type,
      Integer priority,
      Long deadlineSeconds,
      Double confidence,
      double[] features,
      List<String> options,
      List<String> electorate) {}

  @Override
  public void register(ApiRouter router) {
    router
        .get(
            "/decisions",
            "consensus",
            "the newest decisions (?type=MODEL_UPDATE, ?newest=N up to 1000), newest first",
            r ->
                r.page(
                    new DecisionStore(r.member())
                        .history(type(r.query("type", null)), r.intQuery("newest", 100, 1, 1000))))
        .get(
            "/decisions/{id}",
            "consensus",
            "the decision of one proposal",
            r ->
                new DecisionStore(r.member())
                    .get(r.path("id"))
                    .orElseThrow(() -> ApiException.notFound("id", r.path("id"), "decision")))
        .get(
            "/proposals/{id}",
            "consensus",
            "one proposal with its votes so far",
            r ->
                new DecisionStore(r.member())
                    .proposal(r.path("id"))
                    .orElseThrow(() -> ApiException.notFound("id", r.path("id"), "proposal")))
        .post(
            "/proposals",
            "consensus",
            "propose; answers the proposal (201)",
            "{\"proposer\":\"node-1\",\"type\":\"MODEL_UPDATE\",\"deadlineSeconds\":30,"
                + "\"features\":[0.9,0.1]}",
            r -> {
              ProposeBody b = r.body(ProposeBody.class);
              if (b.proposer() == null || b.proposer().isBlank()) {
                throw ApiException.badRequest("proposer", b.proposer(), "is required");
              }
              DecisionType type = type(b.type());
              if (type == null) {
                throw ApiException.badRequest("type", null, "is required");
              }
              ProposalRequest.Builder req = ProposalRequest.builder(b.proposer(), type);
              if (b.priority() != null) {
                req.priority(b.priority());
              }
              if (b.deadlineSeconds() != null) {
                req.deadlineIn(Duration.ofSeconds(b.deadlineSeconds()));
              }
              if (b.confidence() != null) {
                req.confidence(b.confidence());
              }
              if (b.features() != null) {
                req.features(b.features());
              }
              if (b.options() != null) {
                req.options(b.options());
              }
              if (b.electorate() != null) {
                req.electorate(b.electorate());
              }
              return ApiResponse.created(ConsensusCalls.propose(r.member(), req.build()));
            });
  }

  private static DecisionType type(String name) {
    if (name == null) {
      return null;
    }
    try {
      return DecisionType.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "type",
          name,
          "is not a decision type; allowed: " + Arrays.toString(DecisionType.values()));
    }
  }
}
