package io.swarmgrid.storage.propagation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.storage.propagation.ChannelMark;
import io.swarmgrid.storage.propagation.StateDelivery;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Gaps of a channel whose sender died with a bundle in flight, on a simulated clock. */
class ChannelOrderTest {
  private final AtomicLong nanos = new AtomicLong(1);
  private final ChannelOrder order = new ChannelOrder(nanos::get);

  private static List<StateDelivery> one(long seq) {
    return List.of(new StateDelivery("s", "src", seq, 1, seq == 1, 0, 0, new byte[0], 0));
  }

  private static List<Long> seqs(List<StateDelivery> ds) {
    return ds.stream().map(StateDelivery::seq).toList();
  }

  @Test
  void aGapNeverFilled_isGivenUpAfterTheWait_onTheNextBundleOfAnyChannel() {
    assertThat(seqs(order.accept(new ChannelMark("dead", 0, 0), one(1)))).containsExactly(1L);
    // Place 1 was in flight when its member died; 2 and 3 wait for it.
    assertThat(order.accept(new ChannelMark("dead", 2, 1), one(3))).isEmpty();
    assertThat(order.accept(new ChannelMark("dead", 3, 1), one(4))).isEmpty();

    nanos.addAndGet(ChannelOrder.GAP_WAIT_NANOS);
    assertThat(seqs(order.accept(new ChannelMark("new", 0, 0), one(5)))).containsExactly(5L);
    nanos.addAndGet(1);
    assertThat(seqs(order.accept(new ChannelMark("new", 1, 1), one(6))))
        .containsExactly(6L, 3L, 4L);

    assertThat(order.gapsGivenUp()).isEqualTo(1);
    // A late arrival of the given-up bundle is handed on (the view skips what is stale).
    assertThat(seqs(order.accept(new ChannelMark("dead", 1, 1), one(2)))).containsExactly(2L);
    assertThat(order.late()).isEqualTo(1);
  }
}
