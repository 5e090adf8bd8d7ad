package io.swarmgrid.tasks.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import org.junit.jupiter.api.Test;

/** Every consensus wire type comes from {@link ConsensusFactory} under its own class id. */
class ConsensusFactoryTest {
  @Test
  void everyClassId_createsTheTypeThatAnswersIt() {
    ConsensusFactory factory = new ConsensusFactory();
    int[] ids = {
      ConsensusFactory.PROPOSE_TASK,
      ConsensusFactory.ACCEPTED,
      ConsensusFactory.APPLY_VOTE,
      ConsensusFactory.VOTE_RESULT,
      ConsensusFactory.SET_TALLY,
      ConsensusFactory.CLOSE_EXPIRED,
      ConsensusFactory.MARK_COMMITTED,
      ConsensusFactory.PUBLISH_DECISION,
      ConsensusFactory.COMMIT_BATCH,
      ConsensusFactory.CREATE_PROPOSAL,
      ConsensusFactory.APPLY_VOTES,
      ConsensusFactory.VOTE_RESULTS,
      ConsensusFactory.TALLY_DELTA,
      ConsensusFactory.KEEP_FOR,
      ConsensusFactory.FORGET_COMMITTED
    };
    assertThat(ids).doesNotHaveDuplicates();
    for (int id : ids) {
      IdentifiedDataSerializable created = factory.create(id);
      assertThat(created).as("class id %d", id).isNotNull();
      assertThat(created.getFactoryId()).isEqualTo(FactoryIds.CONSENSUS);
      assertThat(created.getClassId()).isEqualTo(id);
    }
    assertThat(factory.create(0)).isNull();
  }
}
