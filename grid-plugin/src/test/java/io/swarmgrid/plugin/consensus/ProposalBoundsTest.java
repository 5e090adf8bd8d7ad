package io.swarmgrid.plugin.consensus;

import static io.swarmgrid.plugin.consensus.ConsensusTestSupport.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.consensus.ConsensusTestSupport.Voter;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13: a proposal's option labels and explicit electorate are bounded in size, refused with
 * the field and the size named, and nothing is stored.
 */
class ProposalBoundsTest {
  @RegisterExtension static final EmbeddedCluster cluster = ConsensusTestSupport.cluster(3);

  private static ConsensusEngine engine() {
    return SwarmGrid.service(cluster.member(1), ConsensusEngine.class).orElseThrow();
  }

  @Test
  void oversizedLabelsAndElectorates_areRefused_namingFieldAndSize_andStoreNothing() {
    List<Voter> voters = ConsensusTestSupport.voters(cluster.member(0), "pb", 3);
    String proposer = voters.get(0).id();
    String longLabel = "x".repeat(ProposalRequest.MAX_OPTION_CHARS + 1);
    assertThatThrownBy(
            () ->
                engine()
                    .propose(
                        ProposalRequest.builder(proposer, DecisionType.OTHER)
                            .id("pb-label")
                            .options(List.of("fine", longLabel))
                            .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("options[1]")
        .hasMessageContaining((ProposalRequest.MAX_OPTION_CHARS + 1) + " characters, over 128");

    List<String> crowd = new ArrayList<>(ids(voters));
    IntStream.range(0, ProposalRequest.MAX_ELECTORATE).forEach(i -> crowd.add("ghost-" + i));
    assertThatThrownBy(
            () ->
                engine()
                    .propose(
                        ProposalRequest.builder(proposer, DecisionType.OTHER)
                            .id("pb-crowd")
                            .electorate(crowd)
                            .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("electorate: " + crowd.size() + " node ids is over 10000");

    assertThat(cluster.member(0).getMap(SwarmMap.PROPOSALS.mapName()).keySet())
        .noneMatch(k -> k.toString().startsWith("pb-"));

    // At the bounds: accepted.
    String atBound = "y".repeat(ProposalRequest.MAX_OPTION_CHARS);
    assertThat(
            engine()
                .propose(
                    ProposalRequest.builder(proposer, DecisionType.OTHER)
                        .id("pb-ok")
                        .options(List.of("fine", atBound))
                        .electorate(ids(voters))
                        .build())
                .options())
        .containsExactly("fine", atBound);
  }
}
