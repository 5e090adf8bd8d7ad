package io.swarmgrid.plugin.http.internal;

import io.swarmgrid.plugin.http.ApiException;
import io.swarmgrid.plugin.http.ApiRouter;
import io.swarmgrid.plugin.http.ApiRoutes;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.interest.InterestLevels;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.PropagationCalls;
import io.swarmgrid.storage.propagation.StreamHead;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * State streams and interests: stream heads, interests, per-member stats; declare an interest, set
 * a node's budget. Publishing stays with the sources (an update is signed by its source's key).
 */
public final class PropagationApi implements ApiRoutes {
  /** The body of {@code POST /propagation/interests}. */
  record InterestBody(String state, String node, String level) {}

  /** The body of {@code POST /propagation/budgets}. */
  record BudgetBody(String node, Long bytesPerSecond) {}

  @Override
  public void register(ApiRouter router) {
    router
        .get(
            "/propagation/streams",
            "propagation",
            "every stream head: source, latest keyframe and delta (payloads left out)",
            r -> {
              Map<String, StreamHead> heads = r.member().getMap(SwarmMap.STREAMS.mapName());
              List<Map<String, Object>> all = new ArrayList<>();
              heads.values().stream()
                  .sorted(Comparator.comparing(StreamHead::stateId))
                  .forEach(h -> all.add(summary(h)));
              return r.page(all);
            })
        .get(
            "/propagation/streams/{state}",
            "propagation",
            "one stream head",
            r -> {
              Map<String, StreamHead> heads = r.member().getMap(SwarmMap.STREAMS.mapName());
              StreamHead h = heads.get(r.path("state"));
              if (h == null) {
                throw ApiException.notFound("state", r.path("state"), "stream");
              }
              return summary(h);
            })
        .get(
            "/propagation/interests",
            "propagation",
            "declared interests by state id or pattern: node to level weight",
            r -> {
              Map<String, InterestLevels> map = r.member().getMap(SwarmMap.INTERESTS.mapName());
              List<InterestLevels> all = new ArrayList<>(map.values());
              all.sort(Comparator.comparing(InterestLevels::stateId));
              return r.page(all);
            })
        .get(
            "/propagation/stats",
            "propagation",
            "each member's sent, dropped, degraded and latency figures per stream and target",
            r -> r.page(PropagationCalls.stats(r.member())))
        .post(
            "/propagation/interests",
            "propagation",
            "declare, change or withdraw (level NONE) a node's interest in a state or pattern",
            "{\"state\":\"model/weights\",\"node\":\"edge-7\",\"level\":\"LOW\"}",
            r -> {
              InterestBody b = r.body(InterestBody.class);
              InterestLevel level = level(b.level());
              try {
                PropagationCalls.declare(r.member(), b.state(), b.node(), level);
              } catch (IllegalArgumentException | NullPointerException e) {
                throw new ApiException(400, "body", null, String.valueOf(e.getMessage()));
              }
              return Map.of("state", b.state(), "node", b.node(), "level", level);
            })
        .post(
            "/propagation/budgets",
            "propagation",
            "set a node's byte budget per second (0: the node's tier budget)",
            "{\"node\":\"edge-7\",\"bytesPerSecond\":65536}",
            r -> {
              BudgetBody b = r.body(BudgetBody.class);
              if (b.bytesPerSecond() == null) {
                throw ApiException.badRequest("bytesPerSecond", null, "is required");
              }
              try {
                PropagationCalls.budget(r.member(), b.node(), b.bytesPerSecond());
              } catch (IllegalArgumentException | NullPointerException e) {
                throw new ApiException(400, "body", null, String.valueOf(e.getMessage()));
              }
              return Map.of("node", b.node(), "bytesPerSecond", b.bytesPerSecond());
            });
  }

  private static InterestLevel level(String name) {
    if (name == null) {
      throw ApiException.badRequest("level", null, "is required");
    }
    try {
      return InterestLevel.parse(name);
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "level", name, e.getMessage());
    }
  }

  private static Map<String, Object> summary(StreamHead h) {
    return Map.of(
        "stateId",
        h.stateId(),
        "source",
        h.source(),
        "keyframeSeq",
        h.keyframe() == null ? -1 : h.keyframe().seq(),
        "deltaSeq",
        h.delta() == null ? -1 : h.delta().seq());
  }
}
