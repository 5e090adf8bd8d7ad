package io.swarmgrid.deploy.demo;

import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.map.IMap;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.diffusion.DiffusionClient;
import io.swarmgrid.client.diffusion.DiffusionRequest;
import io.swarmgrid.client.diffusion.Topology;
import io.swarmgrid.tasks.pipeline.SwarmPipelines;
import io.swarmgrid.tasks.pipeline.SwarmSources;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.WordCounts;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;

/** The same word count by diffusion and as a Jet job, shown to agree. */
final class DiffusionVsJetScenario implements Scenario {
  @Override
  public String title(DemoContext demo) {
    return "Diffusion and Jet agree: the same word count, injected with energy and as a Jet pipeline";
  }

  @Override
  public void run(DemoContext demo) throws Exception {
    PrintStream out = demo.out();
    SwarmClient client = demo.client();
    Path data = demo.data();
    String text = demo.logs();
    DiffusionClient diffusion = client.diffusion();
    demo.waitFor(
        "the diffusion topology",
        () ->
            diffusion.topology().nodes().size() >= 4
                && diffusion.topology().nodes().stream().allMatch(n -> n.neighbours().size() >= 3));
    var topology = diffusion.topology();
    out.printf(
        "topology: %d nodes (members and virtual nodes), %d links, %d long%n",
        topology.size(),
        topology.edges().size(),
        topology.edges().stream().filter(Topology.Edge::longLink).count());
    long start = System.nanoTime();
    String id = diffusion.inject(DiffusionRequest.ofText(WordCount.NAME, text, 50));
    var byDiffusion = diffusion.result(id, WordCounts.class, Duration.ofSeconds(60));
    double diffusionSeconds = (System.nanoTime() - start) / 1e9;
    var p = diffusion.progress(id);
    out.printf(
        "diffusion task %s: energy %.0f, %d chunks agreed by 2 copies each, merged at %s, in %.2f s%n",
        id.substring(0, 11), p.energy(), p.chunksDone(), p.finishedBy(), diffusionSeconds);
    IMap<String, Long> counts = client.hazelcast().getMap("demo.wordcount.jet");
    counts.clear();
    start = System.nanoTime();
    client
        .submit(
            SwarmPipelines.wordCount(SwarmSources.textFiles(data, "*.log"), counts.getName()),
            new JobConfig().setName("demo-wordcount-2"))
        .join();
    double jetSeconds = (System.nanoTime() - start) / 1e9;
    var byJet = new WordCounts(new HashMap<>(counts));
    out.printf("jet job: %d distinct words in %.2f s%n", byJet.counts().size(), jetSeconds);
    out.printf(
        "diffusion = Jet: %s (%d words, %d distinct; top: %s)%n",
        byDiffusion.equals(byJet),
        byDiffusion.total(),
        byDiffusion.counts().size(),
        byDiffusion.top(3));
  }
}
