package io.swarmgrid.deploy.demo;

import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.map.IMap;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.tasks.pipeline.SwarmPipelines;
import io.swarmgrid.tasks.pipeline.SwarmSources;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A Jet word count over the sample logs, with the top 10 words. */
final class WordCountScenario implements Scenario {
  @Override
  public String title(DemoContext demo) {
    return "Jet word count over " + demo.data();
  }

  @Override
  public void run(DemoContext demo) throws Exception {
    PrintStream out = demo.out();
    SwarmClient client = demo.client();
    Path data = demo.data();
    List<Path> files = new ArrayList<>();
    long lines = 0;
    try (DirectoryStream<Path> logs = Files.newDirectoryStream(data, "*.log")) {
      for (Path f : logs) {
        files.add(f.getFileName());
        try (var s = Files.lines(f)) {
          lines += s.count();
        }
      }
    }
    IMap<String, Long> counts = client.hazelcast().getMap("demo.wordcount");
    counts.clear();
    long start = System.nanoTime();
    Job job =
        client.submit(
            SwarmPipelines.wordCount(SwarmSources.textFiles(data, "*.log"), counts.getName()),
            new JobConfig().setName("demo-wordcount"));
    job.join();
    double seconds = (System.nanoTime() - start) / 1e9;
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    out.printf(
        "job %s: %d lines from %s -> %d words, %d distinct, in %.2f s%n",
        job.getName(), lines, files, total, counts.size(), seconds);
    out.println("top 10 words:");
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(10)
        .forEach(e -> out.printf("  %-20s %6d%n", e.getKey(), e.getValue()));
  }
}
