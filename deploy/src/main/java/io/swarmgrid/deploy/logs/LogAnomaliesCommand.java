package io.swarmgrid.deploy.logs;

import io.swarmgrid.tasks.workload.logs.AnomalyDetector;
import io.swarmgrid.tasks.workload.logs.LogFormat;
import io.swarmgrid.tasks.workload.logs.LogFormats;
import io.swarmgrid.tasks.workload.logs.LogTemplates;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code swarmgrid logs anomalies FILE [--format F] [--rare-below N] [--window-seconds S]}: the
 * unsupervised detector of {@link AnomalyDetector} over one file; prints the anomalous lines and,
 * if the file carries labels (BGL, Thunderbird), the precision, recall and F1 against them (labels
 * are read only for this score).
 */
@Command(
    name = "anomalies",
    mixinStandardHelpOptions = true,
    description =
        "Prints a log file's anomalous lines (unsupervised) and, if labelled, the scores.")
public final class LogAnomaliesCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A log file.")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "F",
      description = "A built-in format or a format string; detected if not given.")
  String format;

  @Option(
      names = "--rare-below",
      defaultValue = "3",
      description = "A template with fewer lines is rare (default: ${DEFAULT-VALUE}).")
  int rareBelow;

  @Option(
      names = "--window-seconds",
      defaultValue = "300",
      description = "Time window for timestamped lines (default: ${DEFAULT-VALUE}).")
  long windowSeconds;

  PrintStream out = System.out;

  @Override
  public Integer call() throws IOException {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("FILE: '" + file + "' is not a readable file");
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String chosen =
        format != null
            ? format
            : LogFormats.detect(lines.subList(0, Math.min(lines.size(), 200)))
                .map(LogFormat::name)
                .orElse(null);
    LogTemplates templates = chosen == null ? new LogTemplates() : new LogTemplates(chosen);
    List<AnomalyDetector.Verdict> verdicts =
        new AnomalyDetector(templates, rareBelow, windowSeconds).detect(lines);
    verdicts.stream()
        .filter(AnomalyDetector.Verdict::anomalous)
        .forEach(v -> out.println(v.template().id() + " " + v.line()));
    if (verdicts.stream().anyMatch(v -> v.parsed().fields().containsKey("Label"))) {
      print("lines", AnomalyDetector.scoreLines(verdicts));
      print("windows", AnomalyDetector.scoreWindows(AnomalyDetector.windows(verdicts)));
    }
    return 0;
  }

  private void print(String what, AnomalyDetector.Score s) {
    out.printf(
        Locale.ROOT,
        "%s: flagged %d, labelled %d, both %d of %d; precision %.3f recall %.3f F1 %.3f (base"
            + " rate %.3f)%n",
        what,
        s.flagged(),
        s.labelled(),
        s.both(),
        s.total(),
        s.precision(),
        s.recall(),
        s.f1(),
        s.baseRate());
  }
}
