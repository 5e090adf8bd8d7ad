package io.swarmgrid.plugin.consensus;

import static io.swarmgrid.plugin.consensus.ConsensusTestSupport.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.consensus.ConsensusTestSupport.Voter;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many decisions in flight through the asynchronous API while a member that holds tallies is
 * killed: every proposal ends with at most one decision, and every surviving member reads the same.
 */
class ConsensusAsyncFailoverTest {
  @RegisterExtension static final EmbeddedCluster cluster = ConsensusTestSupport.cluster(4);

  private static ConsensusEngine engine(HazelcastInstance member) {
    return SwarmGrid.service(member, ConsensusEngine.class).orElseThrow();
  }

  @Test
  void memberKilledWithDecisionsInFlight_eachHasOneDecision_thatEveryMemberReads()
      throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(cluster.member(0), "fo", 5);
    ConsensusEngine engine = engine(cluster.member(0));
    List<CompletableFuture<Proposal>> proposed = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      ProposalRequest request =
          ProposalRequest.builder(voters.get(0).id(), DecisionType.TASK_ASSIGNMENT)
              .electorate(ids(voters))
              .deadlineIn(Duration.ofSeconds(60))
              .build();
      List<Vote> votes =
          voters.stream().map(v -> v.vote(request.id(), Proposal.APPROVE, 1.0)).toList();
      proposed.add(
          engine
              .proposeAsync(request)
              .thenCompose(p -> engine.submitAllAsync(votes).thenApply(r -> p))
              .toCompletableFuture());
      if (i == 20) {
        // Member 3 is not a CP member: killing it loses tallies' primaries, not the CP majority.
        cluster.member(3).getLifecycleService().terminate();
      }
    }
    List<String> made = new ArrayList<>();
    for (CompletableFuture<Proposal> f : proposed) {
      try {
        made.add(f.get(60, TimeUnit.SECONDS).id());
      } catch (java.util.concurrent.ExecutionException e) {
        // A call the kill cut off: its proposal may or may not exist; it must not get two
        // decisions.
      }
    }
    assertThat(made).as("most calls survive the kill").hasSizeGreaterThan(30);
    List<Map<String, Decision>> read = new ArrayList<>();
    for (int m = 0; m < 3; m++) {
      read.add(ConsensusTestSupport.awaitAll(engine(cluster.member(m)), made));
    }
    for (String id : made) {
      Decision first = read.get(0).get(id);
      for (int m = 1; m < 3; m++) {
        Decision seen = read.get(m).get(id);
        assertThat(List.of(seen.end(), seen.outcome(), seen.decidedAt(), seen.voters()))
            .as(id)
            .isEqualTo(List.of(first.end(), first.outcome(), first.decidedAt(), first.voters()));
      }
    }
  }
}
