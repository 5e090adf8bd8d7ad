package io.swarmgrid.storage.propagation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.storage.propagation.StateDelivery;
import io.swarmgrid.storage.propagation.StateSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StreamOrderTest {
  private final AtomicLong clock = new AtomicLong();
  private final StateSubscriber views = new StateSubscriber();
  private final List<Long> applied = new ArrayList<>();
  private final StreamOrder order =
      new StreamOrder(clock::get, id -> views.view(id).orElse(null), views::apply);

  StreamOrderTest() {
    views.onApplied(v -> applied.add(v.seq()));
  }

  /** Update {@code seq} of state "s", recorded after {@code follows}, on keyframe {@code kf}. */
  private static StateDelivery update(long seq, long kf, long follows) {
    return new StateDelivery("s", "src", seq, kf, seq == kf, 0, 0, new byte[] {1}, follows);
  }

  /** A stream 1..n with a keyframe every {@code every}, each update recorded after the last. */
  private static List<StateDelivery> stream(int n, int every) {
    List<StateDelivery> all = new ArrayList<>();
    for (long seq = 1; seq <= n; seq++) {
      long kf = ((seq - 1) / every) * every + 1;
      all.add(update(seq, kf, seq - 1));
    }
    return all;
  }

  @Test
  void anUrgentUpdate_fromTheNewOwner_waitsForTheOldOwnersLastOnes() {
    List<StateDelivery> s = stream(5, 10);
    // The old owner sent 1..3, the new one 4..5; the new owner's came first.
    for (int i : new int[] {0, 3, 4, 1, 2}) {
      order.accept(s.get(i), true, i < 3 ? "old" : "new");
    }

    assertThat(applied).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(order.waited()).isEqualTo(2);
    assertThat(order.holding()).isFalse();
  }

  @Test
  void forAnyTwoOwners_andAnyInterleaving_anUrgentTargetAppliesEveryUpdateInOrder() {
    for (long seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      StreamOrderTest t = new StreamOrderTest();
      int n = 5 + random.nextInt(60);
      List<StateDelivery> s = stream(n, 1 + random.nextInt(12));
      int handOver = 1 + random.nextInt(n - 1);
      List<StateDelivery> oldOwner = new ArrayList<>(s.subList(0, handOver));
      List<StateDelivery> newOwner = new ArrayList<>(s.subList(handOver, n));
      // The first keyframe reaches the target first (it joined from it).
      t.order.accept(oldOwner.remove(0), true, "old");
      while (!oldOwner.isEmpty() || !newOwner.isEmpty()) {
        boolean fromOld = newOwner.isEmpty() || (!oldOwner.isEmpty() && random.nextBoolean());
        t.order.accept((fromOld ? oldOwner : newOwner).remove(0), true, fromOld ? "old" : "new");
      }

      assertThat(t.applied)
          .as("seed %d", seed)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
    }
  }

  @Test
  void aDelta_beforeItsKeyframe_waitsForIt_whateverTheInterest() {
    order.accept(update(1, 1, 0), false, "old");
    // Keyframe 20 is on its way from the old owner; delta 21 on it came first.
    order.accept(update(21, 20, 20), false, "new");
    assertThat(applied).containsExactly(1L);

    order.accept(update(20, 20, 19), false, "old");

    assertThat(applied).containsExactly(1L, 20L, 21L);
  }

  @Test
  void aReplacedUpdate_isNotWaitedFor_byATargetThatIsNotSentEveryUpdate() {
    order.accept(update(1, 1, 0), false, "old");
    order.accept(update(5, 1, 4), false, "new");

    assertThat(applied).containsExactly(1L, 5L);
    assertThat(order.holding()).isFalse();
  }

  @Test
  void aGapWithinOneChannel_isAnUpdateItsSenderDropped_andNotWaitedFor() {
    order.accept(update(1, 1, 0), true, "owner");
    // A budget too small for the urgent stream: the sender dropped 2.
    order.accept(update(3, 1, 2), true, "owner");

    assertThat(applied).containsExactly(1L, 3L);
    assertThat(order.holding()).isFalse();
  }

  @Test
  void aHeadSentAgain_waitsForNothing() {
    order.accept(update(1, 1, 0), true, "old");
    // A node back after being away gets the latest keyframe and delta; the ones between are gone.
    order.accept(update(30, 30, 0), true, "new");
    order.accept(update(34, 30, 0), true, "new");

    assertThat(applied).containsExactly(1L, 30L, 34L);
  }

  @Test
  void whatNeverComes_isGivenUpAfterTheWait_andWhatWaitedGoesOnInOrder() {
    order.accept(update(1, 1, 0), true, "old");
    order.accept(update(3, 1, 2), true, "new");
    order.accept(update(4, 1, 3), true, "new");
    clock.addAndGet(StreamOrder.WAIT_NANOS / 2);
    order.releaseOverdue();
    assertThat(applied).containsExactly(1L);

    clock.addAndGet(StreamOrder.WAIT_NANOS);
    order.releaseOverdue();

    assertThat(applied).containsExactly(1L, 3L, 4L);
    assertThat(order.waitsGivenUp()).isEqualTo(1);
    assertThat(order.holding()).isFalse();
  }

  @Test
  void aDeltaWhoseKeyframeItsOwnSenderLost_isSkippedAtOnce_andHoldsNothingBack() {
    order.accept(update(1, 1, 0), true, "owner");
    order.accept(update(59, 1, 58), true, "owner");
    // Keyframe 101 and what followed it up to 116 were lost on the way (a bundle refused).
    order.accept(update(117, 101, 116), true, "owner");
    order.accept(update(201, 201, 200), true, "owner");

    assertThat(applied).containsExactly(1L, 59L, 201L);
    assertThat(order.holding()).isFalse();
    assertThat(order.waited()).isZero();
  }

  @Test
  void aDuplicate_ofWhatWasApplied_isSkipped() {
    List<StateDelivery> s = stream(3, 10);
    s.forEach(d -> order.accept(d, true, "owner"));
    order.accept(s.get(1), true, "other");

    assertThat(applied).containsExactly(1L, 2L, 3L);
    assertThat(order.holding()).isFalse();
  }
}
