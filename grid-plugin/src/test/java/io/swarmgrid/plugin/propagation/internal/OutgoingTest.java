package io.swarmgrid.plugin.propagation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.StateDelivery;
import io.swarmgrid.storage.propagation.StateUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An update's levels are encoded when first read, once, and weigh exactly their encoding. */
class OutgoingTest {
  @Test
  void eachLevel_isItsDeliveryEncoding_sharedByEveryRead_andSizedByIt() {
    StateUpdate u =
        StateUpdate.signed(
            NodeKeys.generate(),
            "w",
            "src",
            1,
            5,
            Priority.NORMAL,
            true,
            1,
            List.of(new byte[300], new byte[100], new byte[30]));
    Outgoing out = Outgoing.of(u);
    Candidate<Outgoing> low = out.candidate(InterestLevel.LOW, 0);
    Candidate<Outgoing> critical = out.candidate(InterestLevel.CRITICAL, 0);

    assertThat(out.encoded()).hasSize(3);
    for (int q = 0; q < 3; q++) {
      assertThat(out.encoded().get(q)).isEqualTo(StateDelivery.of(u, q).toBytes());
      assertThat(out.encoded().get(q)).isSameAs(out.encoded().get(q));
      assertThat(low.sizes().get(q)).isEqualTo(out.encoded().get(q).length);
    }
    assertThat(low.sizes()).isSameAs(critical.sizes());
    assertThat(low.baseQuality()).isEqualTo(2);
    assertThat(critical.priority()).isEqualTo(Priority.EMERGENCY);
  }
}
