package io.swarmgrid.deploy.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LogTemplatesCommandTest {
  static final Path LOGS = Path.of("samples/loghub");

  @Test
  void templates_writesOneRowPerLine_withFormatsDetectedPerFile(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("t.csv");
    int code =
        new CommandLine(new LogsCommand())
            .execute(
                "templates",
                LOGS.resolve("Apache_2k.log").toString(),
                LOGS.resolve("HDFS_2k.log").toString(),
                "--output",
                out.toString());
    assertThat(code).isZero();
    List<String> rows = Files.readAllLines(out);
    assertThat(rows).hasSize(1 + 4000);
    assertThat(rows.get(0)).isEqualTo("file,line,template_id,template");
    // [Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties
    assertThat(rows.get(1))
        .matches(
            ".*Apache_2k.log,1,[0-9a-f]{8},workerEnv.init\\(\\) ok /etc/httpd/conf/workers2.properties");
    assertThat(rows).noneMatch(r -> r.contains("Dec 04"));
    assertThat(
            rows.stream()
                .filter(r -> r.contains("HDFS_2k.log"))
                .map(r -> r.split(",")[2])
                .distinct())
        .hasSizeBetween(10, 20);
  }

  @Test
  void templates_badFormat_isRefusedNamingTheValue(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new LogsCommand());
    cli.setErr(new PrintWriter(err));
    int code =
        cli.execute("templates", LOGS.resolve("HDFS_2k.log").toString(), "--format", "NoSuchLog");
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("format: unknown format 'NoSuchLog'");
  }

  @Test
  void anomalies_printsFlaggedLines_andScoresALabelledFile() {
    LogAnomaliesCommand command = new LogAnomaliesCommand();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    command.out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
    int code = new CommandLine(command).execute(LOGS.resolve("BGL_2k.log").toString());
    assertThat(code).isZero();
    String printed = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("data TLB error interrupt")
        .contains(
            "lines: flagged 184, labelled 143, both 142 of 2000; precision 0.772 recall 0.993")
        .contains("windows: flagged 114, labelled 95, both 94 of 831");
  }

  @Test
  void csv_quotesCommasAndQuotes() {
    assertThat(LogTemplatesCommand.csv("a,b \"c\"")).isEqualTo("\"a,b \"\"c\"\"\"");
    assertThat(LogTemplatesCommand.csv("plain")).isEqualTo("plain");
  }
}
