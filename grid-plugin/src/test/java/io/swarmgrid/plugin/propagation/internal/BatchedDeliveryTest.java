package io.swarmgrid.plugin.propagation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.ChannelMark;
import io.swarmgrid.storage.propagation.StateDelivery;
import io.swarmgrid.storage.propagation.StateUpdate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The batched delivery path on a simulated clock: what one decision round sends a target, split in
 * inbox messages (bundles) by class and size, in order, within the budget.
 */
class BatchedDeliveryTest {
  private static final long MS = 1_000_000L;
  private static final NodeKeys KEYS = NodeKeys.generate();

  private final AtomicLong clock = new AtomicLong(1_000_000 * MS);

  private static Outgoing update(String state, long seq, boolean keyframe, int size) {
    byte[] full = new byte[size];
    Arrays.fill(full, (byte) seq);
    return Outgoing.of(
        StateUpdate.signed(
            KEYS,
            state,
            "source",
            seq,
            System.currentTimeMillis(),
            Priority.NORMAL,
            keyframe,
            keyframe ? seq : 1,
            List.of(full, Arrays.copyOf(full, size / 2))));
  }

  private Candidate<Outgoing> candidate(Outgoing o, Priority p) {
    StateUpdate u = o.update();
    return new Candidate<>(
        u.stateId(),
        u.seq(),
        u.keyframe(),
        p,
        p != Priority.EMERGENCY,
        0,
        o.sizes(),
        clock.get(),
        o);
  }

  private static List<Long> seqs(List<Send<Outgoing>> sends) {
    return sends.stream().map(s -> s.candidate().seq()).toList();
  }

  /** The deliveries a target reads from the bundles, in order. */
  private static List<StateDelivery> received(List<List<Send<Outgoing>>> bundles) {
    List<StateDelivery> all = new ArrayList<>();
    for (List<Send<Outgoing>> b : bundles) {
      byte[] payload =
          StateDelivery.bundle(
              b.stream().map(s -> s.candidate().payload().encoded().get(s.quality())).toList());
      all.addAll(StateDelivery.allFromBytes(payload));
    }
    return all;
  }

  @Test
  void aStream_keepsItsOrder_acrossTheBundlesOfABatch() {
    BudgetScheduler<Outgoing> scheduler = new BudgetScheduler<>(clock::get, 0, t -> 0L);
    for (long seq = 1; seq <= 40; seq++) {
      scheduler.offer("t", candidate(update("s", seq, seq == 1, 1_000), Priority.EMERGENCY));
    }
    List<Send<Outgoing>> batch = scheduler.due();
    int oneDelivery = batch.get(0).candidate().payload().encoded().get(0).length;
    // Bundles of at most about 7 deliveries: the batch needs several messages.
    List<List<Send<Outgoing>>> bundles = Bundles.split(batch, 7 * (oneDelivery + 1) + 2);

    assertThat(bundles).hasSizeGreaterThan(1);
    assertThat(bundles.stream().flatMap(List::stream).toList()).isEqualTo(batch);
    List<StateDelivery> got = received(bundles);
    assertThat(got).extracting(StateDelivery::seq).containsExactlyElementsOf(seqs(batch));
    assertThat(got).extracting(StateDelivery::seq).isSorted().doesNotHaveDuplicates().hasSize(40);
    for (List<Send<Outgoing>> b : bundles) {
      assertThat(received(List.of(b))).hasSameSizeAs(b);
    }
  }

  @Test
  void aMarkedBundle_withItsMark_staysWithinThePayloadLimit() {
    BudgetScheduler<Outgoing> scheduler = new BudgetScheduler<>(clock::get, 0, t -> 0L);
    for (long seq = 1; seq <= 300; seq++) {
      scheduler.offer("t", candidate(update("s", seq, seq % 100 == 1, 1_024), Priority.EMERGENCY));
    }
    List<Send<Outgoing>> batch = scheduler.due();
    // The longest mark a channel can carry, at the largest places.
    ChannelMark mark =
        new ChannelMark("x".repeat(ChannelMark.MAX_CHANNEL_CHARS), Long.MAX_VALUE, Long.MAX_VALUE);

    List<List<Send<Outgoing>>> bundles = Bundles.splitMarked(batch, 65_536);

    assertThat(bundles).hasSizeGreaterThan(1);
    for (List<Send<Outgoing>> b : bundles) {
      List<byte[]> encoded = b.stream().map(x -> x.candidate().payload().encoded().get(0)).toList();
      // Split at the limit and then marked, a bundle was 24 bytes over it and refused (bench).
      assertThat(StateDelivery.bundle(mark, encoded).length).isLessThanOrEqualTo(65_536);
    }
  }

  @Test
  void aBundle_isNeverLargerThanTheBytesTheBudgetCounted() {
    BudgetScheduler<Outgoing> scheduler = new BudgetScheduler<>(clock::get, 0, t -> 0L);
    for (long seq = 1; seq <= 10; seq++) {
      scheduler.offer("t", candidate(update("s", seq, seq == 1, 300), Priority.HIGH));
    }
    List<Send<Outgoing>> batch = scheduler.due();
    for (List<Send<Outgoing>> b : Bundles.split(batch, 65_536)) {
      byte[] payload =
          StateDelivery.bundle(
              b.stream().map(s -> s.candidate().payload().encoded().get(s.quality())).toList());
      assertThat(payload.length).isLessThanOrEqualTo(b.stream().mapToInt(Send::bytes).sum());
    }
  }

  @Test
  void aBatch_isSplitByTheBudget_andTheRestFollowsInOrderInLaterPeriods() {
    Outgoing first = update("s", 1, true, 1_000);
    // A delta is the larger (its flag reads "false"); a period's share fits 3 of them.
    int size = update("s", 2, false, 1_000).sizes().get(0);
    long budget = 11L * 3 * size;
    BudgetScheduler<Outgoing> scheduler = new BudgetScheduler<>(clock::get, 0, t -> budget);
    scheduler.offer("t", candidate(first, Priority.EMERGENCY));
    for (long seq = 2; seq <= 8; seq++) {
      scheduler.offer("t", candidate(update("s", seq, false, 1_000), Priority.EMERGENCY));
    }
    List<Long> sent = new ArrayList<>();
    List<Integer> perRound = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      List<Send<Outgoing>> batch = scheduler.due();
      perRound.add(batch.size());
      assertThat(batch.stream().mapToLong(Send::bytes).sum()).isLessThanOrEqualTo(budget / 11);
      Bundles.split(batch, 65_536).forEach(b -> sent.addAll(seqs(b)));
      clock.addAndGet(TargetQueue.PERIOD.toNanos());
    }
    assertThat(perRound).containsExactly(3, 3, 2, 0);
    assertThat(sent).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
  }

  @Test
  void urgent_overtakesWaitingBulk_andTravelsInItsOwnBundle() {
    Outgoing firstBulk = update("video", 1, true, 1_000);
    int size = firstBulk.sizes().get(0);
    long budget = 11L * 2 * size;
    BudgetScheduler<Outgoing> scheduler = new BudgetScheduler<>(clock::get, 0, t -> budget);
    // Bulk of two streams waits (the budget carries two a period)...
    scheduler.offer("t", candidate(firstBulk, Priority.LOW));
    scheduler.offer("t", candidate(update("audio", 1, true, 1_000), Priority.NORMAL));
    scheduler.offer("t", candidate(update("video", 2, false, 1_000), Priority.LOW));
    clock.addAndGet(MS);
    // ...then an urgent keyframe of another state arrives.
    scheduler.offer("t", candidate(update("alarm", 1, true, 1_000), Priority.EMERGENCY));

    List<Send<Outgoing>> batch = scheduler.due();
    assertThat(batch).extracting(s -> s.candidate().stateId()).containsExactly("alarm", "audio");
    List<List<Send<Outgoing>>> bundles = Bundles.split(batch, 65_536);
    assertThat(bundles).hasSize(2);
    assertThat(bundles.get(0))
        .allSatisfy(s -> assertThat(s.candidate().priority()).isEqualTo(Priority.EMERGENCY));
    assertThat(bundles.get(1))
        .allSatisfy(s -> assertThat(s.candidate().priority()).isEqualTo(Priority.NORMAL));
  }

  @Test
  void aDeliveryOverTheLimit_goesAloneInItsMessage() {
    BudgetScheduler<Outgoing> scheduler = new BudgetScheduler<>(clock::get, 0, t -> 0L);
    scheduler.offer("t", candidate(update("s", 1, true, 4_000), Priority.HIGH));
    scheduler.offer("t", candidate(update("s", 2, false, 100), Priority.HIGH));
    List<List<Send<Outgoing>>> bundles = Bundles.split(scheduler.due(), 1_000);
    assertThat(bundles).extracting(List::size).containsExactly(1, 1);
  }
}
