package io.swarmgrid.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.config.SwarmGridConfigLoader;
import io.swarmgrid.deploy.cluster.internal.ChaosSpec;
import io.swarmgrid.deploy.cluster.internal.ClusterLayout;
import io.swarmgrid.deploy.cluster.internal.MemberConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster tool's generated member configs load through the real loaders, and its chaos and
 * layout input is checked naming the option and the value.
 */
class ClusterConfigsTest {
  @TempDir Path tmp;

  @Test
  void generatedConfigs_loadThroughHazelcastAndSwarmGridLoaders() throws Exception {
    ClusterLayout layout = new ClusterLayout(6, 2, 5701, null, "swarmgrid-local");
    for (int i = 1; i <= 6; i++) {
      Config hz = Config.loadFromString(MemberConfigs.hazelcast(layout, i));
      // The member binds its own port and advertises its link proxy's.
      assertThat(hz.getNetworkConfig().getPort()).isEqualTo(6700 + i);
      assertThat(hz.getNetworkConfig().getPublicAddress()).isEqualTo("127.0.0.1:" + (5700 + i));
      int firstOutbound = 5701 + 1100 + (i - 1) * 20;
      assertThat(hz.getNetworkConfig().getOutboundPortDefinitions())
          .containsExactly(firstOutbound + "-" + (firstOutbound + 19));
      assertThat(hz.getNetworkConfig().isReuseAddress()).isTrue();
      assertThat(hz.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).hasSize(6);
      assertThat(hz.getCPSubsystemConfig().getCPMemberCount()).isEqualTo(3);
      Path f = tmp.resolve("swarmgrid-" + i + ".yaml");
      Files.writeString(f, MemberConfigs.swarmgrid(layout, i, "tok-en"));
      Properties p = new Properties();
      p.setProperty(SwarmGridConfigLoader.CONFIG_PROPERTY, f.toString());
      SwarmGridConfig sg = SwarmGridConfigLoader.load(p, Map.of(), tmp).config();
      assertThat(sg.node().id()).isEqualTo("node-" + i);
      assertThat(sg.node().region()).isEqualTo(i % 2 == 1 ? "region-1" : "region-2");
      assertThat(sg.storage().backupCount()).isEqualTo(3);
      assertThat(sg.http().enabled()).isTrue();
      assertThat(sg.http().port()).isEqualTo(8079 + i);
      assertThat(sg.http().token()).isEqualTo("tok-en");
    }
    // A user's --config gets the HTTP port and token through the environment.
    Path user = tmp.resolve("user.yaml");
    Files.writeString(user, "swarmgrid:\n  node:\n    id: mine\n");
    Properties p = new Properties();
    p.setProperty(SwarmGridConfigLoader.CONFIG_PROPERTY, user.toString());
    SwarmGridConfig sg =
        SwarmGridConfigLoader.load(
                p,
                Map.of(
                    "SWARMGRID_HTTP_ENABLED", "true",
                    "SWARMGRID_HTTP_PORT", "8081",
                    "SWARMGRID_HTTP_TOKEN", "tok-en"),
                tmp)
            .config();
    assertThat(sg.http().port()).isEqualTo(8081);
    assertThat(sg.http().enabled()).isTrue();
    assertThat(new ClusterLayout(2, 1, 5701, null, "x").cpMembers()).isZero();
  }

  @Test
  void chaosSpecs_parse_andBadOnesNameTheFieldAndValue() {
    assertThat(ChaosSpec.require("--chaos", "kill 50%").percent()).isEqualTo(50);
    assertThat(ChaosSpec.require("--chaos", "kill node-2").nodes()).containsExactly("node-2");
    assertThat(ChaosSpec.require("--chaos", "pause node-2 10s").duration())
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(ChaosSpec.require("--chaos", "partition a,b/c").otherSide()).containsExactly("c");
    assertThat(ChaosSpec.require("--chaos", "slow n 200ms").latency())
        .isEqualTo(Duration.ofMillis(200));
    assertThatThrownBy(() -> ChaosSpec.require("--chaos", "kill 150%"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--chaos: '150%' is not allowed; allowed: 1%..100% or a node name");
    assertThatThrownBy(() -> ChaosSpec.require("--chaos", "explode node-1"))
        .hasMessageStartingWith("--chaos: 'explode node-1' is not a fault");
    assertThatThrownBy(() -> ChaosSpec.duration("--for", "10 s"))
        .hasMessage("--for: '10 s' is not a duration; expected e.g. 200ms, 10s, 2m");
    assertThatThrownBy(() -> new ClusterLayout(21, 1, 5701, null, "x"))
        .hasMessage("--nodes: 21 is outside 1..20");
    assertThatThrownBy(() -> new ClusterLayout(3, 4, 5701, null, "x"))
        .hasMessageStartingWith("--regions: 4 is outside 1..3");
    assertThatThrownBy(() -> new ClusterLayout(3, 1, 63200, null, "x"))
        .hasMessageStartingWith(
            "--base-port: 63200 leaves no room for 3 member ports and their HTTP");
  }
}
