package io.swarmgrid.storage.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.storage.messaging.Message;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A subscriber takes the bundles of an ordered channel (several in flight per target, so they may
 * reach the inbox out of order or twice) and applies every update once, in order.
 */
class OrderedChannelTest {
  private static final String STATE = "weights";

  private final StateSubscriber subscriber = new StateSubscriber();
  private final List<Long> applied = new ArrayList<>();

  OrderedChannelTest() {
    subscriber.onApplied(v -> applied.add(v.latest().seq()));
  }

  private static StateDelivery delivery(long seq) {
    boolean keyframe = seq == 1;
    return new StateDelivery(
        STATE,
        "source",
        seq,
        1,
        keyframe,
        0,
        System.currentTimeMillis(),
        new byte[] {(byte) seq},
        0);
  }

  /** Bundle {@code place} of channel {@code channel}, carrying updates {@code from..to}. */
  private static Message bundle(String channel, long place, long floor, long from, long to) {
    List<byte[]> encoded = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      encoded.add(delivery(s).toBytes());
    }
    byte[] payload = StateDelivery.bundle(new ChannelMark(channel, place, floor), encoded);
    return new Message(
        UUID.randomUUID().toString(),
        "member",
        "node",
        from == 1 ? MessageType.STATE_SYNC : MessageType.DELTA_SYNC,
        Priority.EMERGENCY,
        place,
        place,
        0,
        "",
        payload);
  }

  /**
   * As {@link #bundle}, sent by {@code member} in class {@code priority}, each update recorded
   * right after the one before it ({@link StateDelivery#follows}).
   */
  private static Message recorded(
      String member, Priority priority, long place, long from, long to) {
    List<byte[]> encoded = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      encoded.add(
          new StateDelivery(STATE, "source", s, 1, s == 1, 0, 0, new byte[] {(byte) s}, s - 1)
              .toBytes());
    }
    ChannelMark mark = new ChannelMark(member + "-fanout/" + priority.name(), place, place);
    byte[] payload = StateDelivery.bundle(mark, encoded);
    return new Message(
        UUID.randomUUID().toString(),
        member,
        "node",
        from == 1 ? MessageType.STATE_SYNC : MessageType.DELTA_SYNC,
        priority,
        place,
        place,
        0,
        "",
        payload);
  }

  @Test
  void anUrgentUpdateFromTheStatesNewOwner_waitsForTheOldOwnersLastOne() {
    subscriber.accept(recorded("old-owner", Priority.EMERGENCY, 0, 1, 3));
    subscriber.accept(recorded("new-owner", Priority.EMERGENCY, 0, 5, 6));
    assertThat(applied).containsExactly(1L, 2L, 3L);

    subscriber.accept(recorded("old-owner", Priority.EMERGENCY, 1, 4, 4));

    assertThat(applied).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(subscriber.heldForEarlier()).isEqualTo(2);
  }

  @Test
  void anUpdatePublishedUrgent_toATargetWhoseOtherUpdatesAreReplaced_isNotHeld() {
    // A high target: its updates come on the sender's HIGH channel, the ones in between replaced.
    subscriber.accept(recorded("owner", Priority.HIGH, 0, 1, 2));
    subscriber.accept(recorded("owner", Priority.EMERGENCY, 0, 5, 5));

    assertThat(applied).containsExactly(1L, 2L, 5L);
    assertThat(subscriber.heldForEarlier()).isZero();
  }

  private static List<Long> range(long from, long to) {
    List<Long> all = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      all.add(s);
    }
    return all;
  }

  @Test
  void bundlesArrivingReversed_areAppliedInChannelOrder_everyUpdateOnce() {
    List<Message> sent = new ArrayList<>();
    for (int place = 0; place < 8; place++) {
      sent.add(bundle("c", place, 0, place * 5L + 1, place * 5L + 5));
    }
    for (int i = sent.size() - 1; i >= 0; i--) {
      assertThat(subscriber.accept(sent.get(i))).isTrue();
    }

    assertThat(applied).containsExactlyElementsOf(range(1, 40));
    assertThat(subscriber.view(STATE).orElseThrow().latest().seq()).isEqualTo(40);
  }

  @Test
  void aBundleDeliveredTwice_isAppliedOnce() {
    Message first = bundle("c", 0, 0, 1, 3);
    Message second = bundle("c", 1, 0, 4, 6);
    subscriber.accept(first);
    subscriber.accept(second);
    subscriber.accept(first);
    subscriber.accept(second);

    assertThat(applied).containsExactlyElementsOf(range(1, 6));
    assertThat(subscriber.lateBundles()).isEqualTo(2);
  }

  @Test
  void aBundleThatFailedAtTheSender_doesNotHoldTheOnesAfterIt() {
    // Place 1 failed (a full inbox); place 2 left after it finished: its floor says so.
    subscriber.accept(bundle("c", 0, 0, 1, 3));
    subscriber.accept(bundle("c", 3, 2, 10, 12));
    assertThat(applied).containsExactly(1L, 2L, 3L);

    subscriber.accept(bundle("c", 2, 2, 7, 9));

    assertThat(applied).containsExactlyElementsOf(List.of(1L, 2L, 3L, 7L, 8L, 9L, 10L, 11L, 12L));
  }

  @Test
  void aChannelFirstSeenMidWay_startsAtItsFloor() {
    subscriber.accept(bundle("other", 0, 0, 1, 2));
    subscriber.accept(bundle("c", 42, 41, 5, 6));
    subscriber.accept(bundle("c", 41, 41, 3, 4));

    assertThat(applied).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void unmarkedBundles_areAppliedAsTheyCome() {
    subscriber.accept(bundle("c", 0, 0, 1, 1));
    byte[] plain = StateDelivery.bundle(List.of(delivery(2).toBytes(), delivery(3).toBytes()));
    subscriber.accept(
        new Message(
            "m", "member", "node", MessageType.DELTA_SYNC, Priority.NORMAL, 0, 0, 0, "", plain));

    assertThat(applied).containsExactly(1L, 2L, 3L);
    assertThat(StateDelivery.readBundle(plain).mark()).isEmpty();
  }

  @Test
  void aMark_readsBackAsWritten() {
    byte[] payload =
        StateDelivery.bundle(new ChannelMark("e/EMERGENCY", 9, 7), List.of(delivery(4).toBytes()));

    DeliveryBundle read = StateDelivery.readBundle(payload);

    assertThat(read.mark()).contains(new ChannelMark("e/EMERGENCY", 9, 7));
    assertThat(read.deliveries()).extracting(StateDelivery::seq).containsExactly(4L);
  }
}
