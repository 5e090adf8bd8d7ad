package io.swarmgrid.storage.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParticleSwarmRecordTest {

  private static final double[] FIRST = {0.1, 0.2};
  private static final double[] BETTER = {0.3, 0.4};

  @Test
  void aBetterPositionOfferedWhileAProposalIsOpen_isCountedButDoesNotMoveTheBest() {
    ParticleSwarmRecord proposed =
        ParticleSwarmRecord.create("s", "sphere", 2, 6, 24, 0)
            .offer(FIRST, 0.5, 6, 1)
            .propose("adopt:s:2", 2);

    // An evaluation of the proposing tick lands after the proposal opened (CI saw the adopted
    // proposal name one position and the record another).
    ParticleSwarmRecord late = proposed.offer(BETTER, 0.1, 6, 2);

    assertThat(late.evaluations()).isEqualTo(12);
    assertThat(late.bestPosition()).containsExactly(FIRST);
    assertThat(late.bestValue()).isEqualTo(0.5);
    ParticleSwarmRecord adopted = late.settle(true).offer(BETTER, 0.1, 6, 3);
    assertThat(adopted.bestPosition()).as("adopted: final").containsExactly(FIRST);
  }

  @Test
  void aProposalVotedDown_letsTheBestImproveAgain() {
    ParticleSwarmRecord closed =
        ParticleSwarmRecord.create("s", "sphere", 2, 6, 24, 0)
            .offer(FIRST, 0.5, 6, 1)
            .propose("adopt:s:2", 2)
            .settle(false);

    ParticleSwarmRecord improved = closed.offer(BETTER, 0.1, 6, 3);

    assertThat(improved.bestPosition()).containsExactly(BETTER);
    assertThat(improved.lastImprovementTick()).isEqualTo(3);
  }
}
