package io.swarmgrid.deploy.logs;

import io.swarmgrid.tasks.workload.logs.LogFormat;
import io.swarmgrid.tasks.workload.logs.LogFormats;
import io.swarmgrid.tasks.workload.logs.LogTemplates;
import io.swarmgrid.tasks.workload.logs.Template;
import io.swarmgrid.tasks.workload.logs.Templates;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code swarmgrid logs templates FILE... [--format F] [--output OUT]}: mines the templates of the
 * files' lines (all files together) and writes, for each input line, a CSV row {@code
 * file,line,template_id,template} (line numbers from 1) to standard output or {@code OUT}.
 */
@Command(
    name = "templates",
    mixinStandardHelpOptions = true,
    description = "Writes each log line's template (CSV: file,line,template_id,template).")
public final class LogTemplatesCommand implements Callable<Integer> {
  /** Lines read to detect a file's format. */
  static final int DETECT_LINES = 200;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Log files.")
  List<Path> files;

  @Option(
      names = "--format",
      paramLabel = "F",
      description =
          "A built-in format (BGL, Thunderbird, HDFS, Hadoop, Zookeeper, Spark, OpenStack,"
              + " OpenSSH, Linux, Apache) or a format string such as"
              + " '<Date> <Time> <Level> <Component>: <Content>'; detected per file if not given.")
  String format;

  @Option(names = "--output", paramLabel = "OUT", description = "CSV file (default: stdout).")
  Path output;

  @Override
  public Integer call() throws IOException {
    if (format != null) {
      LogFormats.byNameOrFormat(format);
    }
    List<FileLines> inputs = new ArrayList<>();
    for (Path file : files) {
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException("FILE: '" + file + "' is not a readable file");
      }
      inputs.add(read(file));
    }
    TreeMap<String, Long> counts = new TreeMap<>();
    for (FileLines input : inputs) {
      counts = input.workload.merge(counts, input.workload.process(input.lines));
    }
    Templates templates = Templates.mine(counts);
    if (output == null) {
      PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
      write(inputs, templates, out);
      out.flush();
    } else {
      try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        write(inputs, templates, out);
      }
    }
    return 0;
  }

  private FileLines read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (format != null) {
      return new FileLines(file, lines, new LogTemplates(format));
    }
    String detected =
        LogFormats.detect(lines.subList(0, Math.min(lines.size(), DETECT_LINES)))
            .map(LogFormat::name)
            .orElse(null);
    return new FileLines(
        file, lines, detected == null ? new LogTemplates() : new LogTemplates(detected));
  }

  private static void write(List<FileLines> inputs, Templates templates, Writer out) {
    try {
      out.write("file,line,template_id,template\n");
      for (FileLines input : inputs) {
        for (int i = 0; i < input.lines.size(); i++) {
          String line = input.lines.get(i);
          if (line.isBlank()) {
            continue;
          }
          Template t = templates.of(LogTemplates.pattern(input.workload.parse(line)));
          out.write(
              csv(input.file.toString())
                  + ","
                  + (i + 1)
                  + ","
                  + t.id()
                  + ","
                  + csv(t.text())
                  + "\n");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** RFC 4180: quoted if it holds a comma, quote or line break; quotes doubled. */
  static String csv(String value) {
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }

  private record FileLines(Path file, List<String> lines, LogTemplates workload) {}
}
