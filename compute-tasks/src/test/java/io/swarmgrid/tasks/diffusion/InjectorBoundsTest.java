package io.swarmgrid.tasks.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.content.Manifest;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.Workload;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13: diffusion content is bounded when it is written, not only by the later collection: an
 * input over {@code diffusion.content-max-bytes-per-member} is refused naming its size, before a
 * chunk is stored when its size is known.
 */
class InjectorBoundsTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(1);

  private static final long MAX = 64 * 1024;

  @Test
  void inputOverTheContentBound_isRefusedNamingItsSize_andNothingIsStored() throws Exception {
    Injector injector =
        new Injector(
            cluster.member(0),
            new DiffusionSettings(8 * 1024, 1, 3, 7, 0.9, 0.1, 100, 1000, 3600, 600, MAX));
    Workload<?> words = Injector.workload(WordCount.NAME);
    String text = "swarm grid\n".repeat(7_000);
    assertThatThrownBy(() -> injector.storeText(words, text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "text: 77000 bytes is over diffusion.content-max-bytes-per-member=" + MAX);
    assertThat(cluster.member(0).getMap(SwarmMap.CONTENT.mapName()).size()).isZero();

    // A stream of unknown size stops at the bound; what it stored is referenced by no task.
    assertThatThrownBy(() -> injector.store(words, new StringReader(text)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input: ")
        .hasMessageContaining("content-max-bytes-per-member=" + MAX);

    Manifest ok = injector.storeText(words, "swarm grid\n".repeat(100));
    assertThat(ok.totalBytes()).isEqualTo(1_100);
  }
}
