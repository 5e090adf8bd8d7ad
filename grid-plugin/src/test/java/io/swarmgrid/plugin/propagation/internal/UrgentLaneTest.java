package io.swarmgrid.plugin.propagation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.StateUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The urgent lane of a publish batch's offers: urgent targets are offered everything before any
 * bulk target is offered anything, and the fan-out is told in between, so urgent deliveries can
 * leave while the bulk backlog is still being offered.
 */
class UrgentLaneTest {
  private static final NodeKeys KEYS = NodeKeys.generate();

  private static List<Outgoing> batch(String state, int n, Priority lastPriority) {
    List<Outgoing> batch = new ArrayList<>();
    for (int seq = 1; seq <= n; seq++) {
      StateUpdate u =
          StateUpdate.signed(
              KEYS,
              state,
              "src",
              seq,
              0,
              seq == n ? lastPriority : Priority.NORMAL,
              seq == 1,
              1,
              List.of(new byte[64], new byte[32], new byte[16]));
      batch.add(Outgoing.of(u, seq - 1));
    }
    return batch;
  }

  private static Map<String, InterestLevel> targets() {
    Map<String, InterestLevel> targets = new LinkedHashMap<>();
    // Bulk targets first in the map: the lane, not the map's order, decides who is offered first.
    for (int i = 0; i < 30; i++) {
      targets.put("bulk-" + i, List.of(InterestLevel.HIGH, InterestLevel.MEDIUM).get(i % 2));
    }
    targets.put("critical-1", InterestLevel.CRITICAL);
    targets.put("critical-2", InterestLevel.CRITICAL);
    return targets;
  }

  @Test
  void urgentTargetsAreOfferedTheWholeBatch_beforeAnyBulkTarget_andTheFanoutIsToldInBetween() {
    BudgetScheduler<Outgoing> scheduler = new BudgetScheduler<>(() -> 0L, 0, t -> 0L);
    BatchOffers offers =
        new BatchOffers(scheduler, new PropagationMetrics(new SimpleMeterRegistry()));
    AtomicReference<List<Send<Outgoing>>> atWake = new AtomicReference<>();

    offers.offer(
        batch("s", 20, Priority.NORMAL), Map.of("s", targets()), () -> atWake.set(scheduler.due()));

    assertThat(atWake.get()).isNotNull();
    assertThat(atWake.get()).extracting(Send::target).containsOnly("critical-1", "critical-2");
    for (String critical : List.of("critical-1", "critical-2")) {
      assertThat(atWake.get())
          .filteredOn(s -> s.target().equals(critical))
          .extracting(s -> s.candidate().seq())
          .containsExactly(
              1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L,
              20L);
      assertThat(atWake.get())
          .filteredOn(s -> s.target().equals(critical))
          .allMatch(s -> s.candidate().priority() == Priority.EMERGENCY && s.quality() == 0);
    }
    // The bulk backlog was offered after: each bulk target gets the batch's keyframe and latest.
    List<Send<Outgoing>> bulk = scheduler.due();
    assertThat(bulk).extracting(Send::target).doesNotContain("critical-1", "critical-2");
    assertThat(bulk.stream().map(Send::target).distinct()).hasSize(30);
    assertThat(bulk)
        .filteredOn(s -> s.target().equals("bulk-0"))
        .extracting(s -> s.candidate().seq())
        .containsExactly(1L, 20L);
  }

  @Test
  void anUpdatePublishedUrgent_takesEveryTargetOfItsStateIntoTheUrgentLane() {
    BudgetScheduler<Outgoing> scheduler = new BudgetScheduler<>(() -> 0L, 0, t -> 0L);
    BatchOffers offers =
        new BatchOffers(scheduler, new PropagationMetrics(new SimpleMeterRegistry()));
    AtomicReference<List<Send<Outgoing>>> atWake = new AtomicReference<>();

    offers.offer(
        batch("s", 5, Priority.EMERGENCY),
        Map.of("s", Map.of("low", InterestLevel.LOW)),
        () -> atWake.set(scheduler.due()));

    assertThat(atWake.get())
        .filteredOn(s -> s.candidate().seq() == 5)
        .singleElement()
        .satisfies(s -> assertThat(s.candidate().priority()).isEqualTo(Priority.EMERGENCY));
  }

  @Test
  void aBatchWithoutUrgentTargets_doesNotWakeTheFanoutEarly() {
    BudgetScheduler<Outgoing> scheduler = new BudgetScheduler<>(() -> 0L, 0, t -> 0L);
    BatchOffers offers =
        new BatchOffers(scheduler, new PropagationMetrics(new SimpleMeterRegistry()));
    List<String> woken = new ArrayList<>();

    offers.offer(
        batch("s", 5, Priority.NORMAL),
        Map.of("s", Map.of("medium", InterestLevel.MEDIUM)),
        () -> woken.add("urgent"));

    assertThat(woken).isEmpty();
    assertThat(scheduler.due()).extracting(s -> s.candidate().seq()).containsExactly(1L, 5L);
  }
}
