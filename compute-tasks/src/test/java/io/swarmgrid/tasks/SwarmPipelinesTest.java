package io.swarmgrid.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.cluster.ClusterSnapshotTask;
import io.swarmgrid.tasks.cluster.MemberSnapshot;
import io.swarmgrid.tasks.pipeline.SwarmPipelines;
import io.swarmgrid.tasks.pipeline.SwarmSources;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SwarmPipelinesTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  @TempDir Path dir;

  @Test
  void words_lowerCasesAndDropsNumbers() {
    assertThat(
            SwarmPipelines.words(
                "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: Check pass; user UNKNOWN"))
        .containsExactly("jun", "combo", "sshd", "pam_unix", "check", "pass", "user", "unknown");
    assertThat(SwarmPipelines.words("  ")).isEmpty();
  }

  @Test
  void wordCount_countsEveryWordOfEveryFile_once() throws Exception {
    Files.writeString(dir.resolve("a.log"), "error disk full\nError retry\n");
    Files.writeString(dir.resolve("b.log"), "disk ok 42\n");
    Files.writeString(dir.resolve("skip.txt"), "error error error\n");
    HazelcastInstance client = cluster.newClient();
    client
        .getJet()
        .newJob(SwarmPipelines.wordCount(SwarmSources.textFiles(dir, "*.log"), "counts"))
        .join();
    IMap<String, Long> counts = client.getMap("counts");
    assertThat(counts.get("error")).isEqualTo(2L);
    assertThat(counts.get("disk")).isEqualTo(2L);
    assertThat(counts.get("ok")).isEqualTo(1L);
    assertThat(counts.containsKey("42")).isFalse();
    assertThat(counts.size()).isEqualTo(5);
  }

  @Test
  void clusterSnapshot_listsMembers_andSaysWhyNoCp() throws Exception {
    MemberSnapshot s =
        cluster
            .newClient()
            .getExecutorService("swarm.exec")
            .submit(new ClusterSnapshotTask())
            .get();
    assertThat(s.members()).hasSize(2);
    assertThat(s.cpMembers()).isEmpty();
    assertThat(s.cpError()).contains("cp-member-count: 0");
    assertThat(s.clusterState()).isEqualTo("ACTIVE");
  }
}
