package io.swarmgrid.tasks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.workload.LogAnalysis;
import io.swarmgrid.tasks.workload.LogReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A batch job that loses a member mid-run restarts and still gives the single-thread result. */
class WorkloadPipelineFailoverTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(3);
  @TempDir Path dir;

  @Test
  void logAnalysis_memberKilledMidRun_resultStillEqualsSingleThread() throws Exception {
    List<String> bgl = Files.readAllLines(Path.of("../deploy/samples/loghub/BGL_2k.log"));
    List<String> all = new ArrayList<>();
    for (int copy = 0; copy < 40; copy++) {
      // each copy differs (its own node name), so templates stay the same but lines differ
      String node = "R" + copy + "-M1";
      List<String> lines = bgl.stream().map(l -> l.replace("R02-M1", node)).toList();
      Files.write(dir.resolve("bgl-" + copy + ".log"), lines);
      all.addAll(lines);
    }
    LogAnalysis analysis = new LogAnalysis();
    LogReport single = analysis.process(all);
    HazelcastInstance client = cluster.newClient();
    Job job = client.getJet().newJob(
        SwarmPipelines.logAnalysis(SwarmSources.textFiles(dir, "*.log"), analysis, "logs"));
    await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus() != JobStatus.NOT_RUNNING
        && job.getStatus() != JobStatus.STARTING);
    boolean killedWhileRunning = job.getStatus() == JobStatus.RUNNING;
    cluster.member(2).getLifecycleService().terminate();
    job.join();
    System.out.println("failover: member killed while the job was running: " + killedWhileRunning);
    assertThat(client.<String, LogReport>getMap("logs").get(LogAnalysis.NAME)).isEqualTo(single);
  }
}
