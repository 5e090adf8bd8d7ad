package io.swarmgrid.deploy.demo;

import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.diffusion.DiffusionRequest;
import io.swarmgrid.tasks.workload.LogAnalysis;
import io.swarmgrid.tasks.workload.LogReport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeMap;

/** Log analysis by diffusion and by Jet, shown to agree, and a BM25 search over Cranfield. */
final class WorkloadsScenario implements Scenario {
  @Override
  public String title(DemoContext demo) {
    return "Workloads: log analysis by diffusion and by Jet, and a BM25 search over Cranfield";
  }

  @Override
  public void run(DemoContext demo) throws Exception {
    PrintStream out = demo.out();
    SwarmClient client = demo.client();
    Path data = demo.data();
    var diffusion = client.diffusion();
    long start = System.nanoTime();
    String id = diffusion.inject(DiffusionRequest.ofText(LogAnalysis.NAME, demo.logs(), 50));
    var byDiffusion = diffusion.result(id, LogReport.class, Duration.ofSeconds(60));
    double diffusionSeconds = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    var byJet = client.workloads().run(new LogAnalysis(), data, "*.log");
    double jetSeconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        "log analysis of %d lines: by diffusion in %.2f s, by Jet in %.2f s; diffusion = Jet: %s%n",
        byJet.lines(), diffusionSeconds, jetSeconds, byDiffusion.equals(byJet));
    out.printf("  levels: %s%n", new TreeMap<>(byJet.levels()));
    out.printf(
        "  %d templates, %d rare (under %d lines each) covering %d anomalous lines, e.g.:%n",
        byJet.templates().size(),
        byJet.rareTemplates().size(),
        LogAnalysis.DEFAULT_RARE_BELOW,
        byJet.anomalousLines());
    byJet.anomalies().stream()
        .limit(3)
        .forEach(
            line ->
                out.printf(
                    "    %s%n", line.length() > 110 ? line.substring(0, 110) + "..." : line));

    Path cranfield = data.toAbsolutePath().resolveSibling("cranfield");
    Path run = Files.createTempFile("swarmgrid-demo-", ".run");
    try {
      start = System.nanoTime();
      long lines =
          client
              .workloads()
              .searchRun(
                  cranfield, "cran.all.1400", cranfield.resolve("cran.qry"), run, 10, "swarmgrid");
      out.printf(
          "search: Cranfield indexed by Jet, 225 queries ranked by BM25 in %.2f s; %d lines of TREC run written; query 1:%n",
          (System.nanoTime() - start) / 1e9, lines);
      try (var runLines = Files.lines(run)) {
        runLines.limit(3).forEach(line -> out.printf("    %s%n", line));
      }
    } finally {
      Files.deleteIfExists(run);
    }
  }
}
