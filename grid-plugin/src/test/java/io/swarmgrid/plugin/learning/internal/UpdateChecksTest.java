package io.swarmgrid.plugin.learning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.ml.learning.ModelShape;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.learning.SignedUpdate;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Bad updates are refused before aggregation, each with the participant and the reason. */
class UpdateChecksTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(1)
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("u" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.LEARNING)))
                          .build()));

  static final ModelShape SHAPE = new ModelShape(4, 10);

  @Test
  void check_refusesUnsignedForeignSignedWrongShapeAndNaN_acceptsTheGoodOne() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> SwarmGrid.node(cluster.member(0)).isPresent());
    LearningContext ctx = new LearningContext(SwarmGrid.node(cluster.member(0)).orElseThrow());
    Participants p = ctx.participants();
    NodeKeys k0 = p.keys(0);
    NodeKeys k1 = p.keys(1);
    p.keys(2);
    p.keys(3);
    p.keys(4);
    double[] good = new double[SHAPE.size()];
    Arrays.fill(good, 0.5);
    double[] nan = good.clone();
    nan[5] = Double.NaN;
    List<SignedUpdate> updates =
        List.of(
            signed(p.idOf(0), good, k0),
            new SignedUpdate("j", 1, 1, p.idOf(1), 10, good, new byte[0]),
            signed(p.idOf(2), good, k1), // signed with another participant's key
            signed(p.idOf(3), new double[7], p.keys(3)),
            signed(p.idOf(4), nan, p.keys(4)),
            signed("nobody", good, k0));
    UpdateChecks.Checked checked = new UpdateChecks(ctx).check(updates, SHAPE);
    assertThat(checked.accepted()).extracting(u -> u.participant()).containsExactly(p.idOf(0));
    assertThat(checked.rejected())
        .containsExactly(
            p.idOf(1) + ": unsigned",
            p.idOf(2)
                + ": signature does not verify with the registered public key of "
                + p.idOf(2),
            p.idOf(3) + ": weights has 7 parameters, the model has 50 (10 x 4 + 10)",
            p.idOf(4) + ": weights parameter 5 is NaN",
            "nobody: participant is not a registered node");
  }

  private static SignedUpdate signed(String participant, double[] w, NodeKeys keys) {
    byte[] sig = keys.sign(SignedUpdate.statement("j", 1, 1, participant, 10, w));
    return new SignedUpdate("j", 1, 1, participant, 10, w, sig);
  }
}
