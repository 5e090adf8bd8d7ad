package io.swarmgrid.storage.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Only an order signed by the operator releases a quarantine, and only that one. */
class OperatorReleaseTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  private final NodeKeys operator = NodeKeys.generate();
  private ReputationStore store;

  @BeforeEach
  void quarantine() {
    store = new ReputationStore(cluster.newClient());
    for (int i = 0; i < 2; i++) {
      store.record("liar", ReputationEvent.EVIDENCE_SELF_PROVING, ReputationRule.DEFAULT, 10 + i);
    }
    assertThat(store.isQuarantined("liar")).isTrue();
  }

  @Test
  void orderSignedByTheNodeItself_isRefused_andItStaysQuarantined() {
    NodeKeys liar = NodeKeys.generate();
    ReleaseOrder self = ReleaseOrder.sign(store.get("liar"), liar);
    assertThatThrownBy(() -> store.release(self, operator.publicKey(), ReputationRule.DEFAULT, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "signature", "'liar'", "does not verify with fault.operator-public-key");
    assertThatThrownBy(() -> store.release(self, new byte[0], ReputationRule.DEFAULT, 20))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fault.operator-public-key is not set");
    assertThat(store.isQuarantined("liar")).isTrue();
  }

  @Test
  void operatorsOrder_releasesOnce_andCannotBeReplayedAfterANewQuarantine() {
    ReleaseOrder order = ReleaseOrder.sign(store.get("liar"), operator);
    Reputation released = store.release(order, operator.publicKey(), ReputationRule.DEFAULT, 20);
    assertThat(released.quarantined()).isFalse();
    assertThat(store.isQuarantined("liar")).isFalse();
    assertThatThrownBy(() -> store.release(order, operator.publicKey(), ReputationRule.DEFAULT, 21))
        .hasMessageContaining("nodeId: 'liar' is not quarantined");

    for (int i = 0; i < 2; i++) {
      store.record("liar", ReputationEvent.EVIDENCE_SELF_PROVING, ReputationRule.DEFAULT, 30 + i);
    }
    assertThat(store.isQuarantined("liar")).isTrue();
    assertThatThrownBy(() -> store.release(order, operator.publicKey(), ReputationRule.DEFAULT, 40))
        .hasMessageContaining("state:", "sign a new one");
    assertThat(store.isQuarantined("liar")).isTrue();
  }
}
