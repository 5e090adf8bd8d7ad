package io.swarmgrid.storage.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A round attempt holds at most one update per training shard. */
class LearningStoreTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(1);

  private static SignedUpdate update(String participant, int round) {
    return new SignedUpdate("job", round, 1, participant, 100, new double[] {1, 2}, new byte[] {1});
  }

  @Test
  void aShardTrainedByTwoMembersDuringAMigration_countsOnce() {
    LearningStore store = new LearningStore(cluster.member(0));
    // Shard 3 migrated while the attempt ran: its old and its new owner both trained it, each
    // under its own participant id. Counting both would weigh the shard's data twice.
    assertThat(store.submit(3, update("old-owner.p3", 1))).isTrue();
    assertThat(store.submit(3, update("new-owner.p3", 1))).isFalse();
    assertThat(store.submit(4, update("new-owner.p4", 1))).isTrue();
    assertThat(store.updates("job", 1, 1))
        .extracting(SignedUpdate::participant)
        .containsExactly("new-owner.p4", "old-owner.p3");
  }

  @Test
  void theSameParticipantSubmittingTwice_isStoredOnce() {
    LearningStore store = new LearningStore(cluster.member(0));
    assertThat(store.submit(0, update("a.p0", 2))).isTrue();
    assertThat(store.submit(0, update("a.p0", 2))).isFalse();
    assertThat(store.updates("job", 2, 1)).hasSize(1);
  }
}
