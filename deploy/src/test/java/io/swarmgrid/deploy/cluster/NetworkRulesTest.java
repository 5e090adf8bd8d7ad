package io.swarmgrid.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.deploy.cluster.internal.ClusterLayout;
import io.swarmgrid.deploy.cluster.internal.LinkProxySetup;
import io.swarmgrid.deploy.cluster.internal.NetworkRule;
import io.swarmgrid.deploy.cluster.internal.NetworkRules;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules the link proxies apply: a cut is between the two sides only (never for clients), a
 * latency touches everything to and from its node, a rule past its expiry no longer holds, and a
 * proxy tells nodes apart by their outbound port ranges.
 */
class NetworkRulesTest {
  @TempDir Path tmp;

  @Test
  void cutsAndLatencies_applyToTheirNodesOnly_andExpire() {
    NetworkRules rules =
        new NetworkRules(List.of())
            .with(NetworkRule.cut(List.of("node-1"), List.of("node-2", "node-3"), 0))
            .with(NetworkRule.slow("node-4", 200, 1_000));
    assertThat(rules.cuts("node-1", "node-2")).isTrue();
    assertThat(rules.cuts("node-3", "node-1")).isTrue();
    assertThat(rules.cuts("node-2", "node-3")).as("same side").isFalse();
    assertThat(rules.cuts("node-1", null)).as("a client").isFalse();
    assertThat(rules.latencyBetween("node-4", null)).isEqualTo(200);
    assertThat(rules.latencyBetween("node-1", "node-4")).isEqualTo(200);
    assertThat(rules.latencyBetween("node-1", "node-2")).isZero();
    assertThat(rules.describeFor("node-1")).isEqualTo("cut from node-2,node-3");
    assertThat(rules.describeFor("node-2")).isEqualTo("cut from node-1");
    assertThat(rules.describeFor("node-4")).isEqualTo("slow 200ms");
    assertThat(rules.describeFor("node-5")).isEqualTo("-");
    assertThat(rules.holdingAt(999).rules()).hasSize(2);
    assertThat(rules.holdingAt(1_000).rules()).as("the latency expired").hasSize(1);

    Path file = tmp.resolve(NetworkRules.FILE);
    assertThat(NetworkRules.read(file).rules()).as("no file: no rules").isEmpty();
    rules.write(file);
    assertThat(NetworkRules.read(file)).isEqualTo(rules);
  }

  @Test
  void proxySetup_knowsEachNodeByItsOutboundPorts() {
    ClusterLayout layout = new ClusterLayout(3, 1, 43000, null, "x");
    LinkProxySetup setup =
        new LinkProxySetup("node-2", 43001, 44001, "rules", "seen", layout.outboundPortsByNode());
    assertThat(setup.nodeOf(44100)).isEqualTo("node-1");
    assertThat(setup.nodeOf(44139)).isEqualTo("node-2");
    assertThat(setup.nodeOf(44140)).isEqualTo("node-3");
    assertThat(setup.nodeOf(51234)).as("a client's ephemeral port").isNull();
    Path file = tmp.resolve(LinkProxySetup.FILE);
    setup.write(file);
    assertThat(LinkProxySetup.read(file)).isEqualTo(setup);
  }
}
