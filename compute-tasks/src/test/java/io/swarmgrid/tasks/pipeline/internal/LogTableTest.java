package io.swarmgrid.tasks.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.tasks.workload.LogAnalysis;
import io.swarmgrid.tasks.workload.LogLine;
import io.swarmgrid.tasks.workload.LogReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The mutable log table gives {@link LogAnalysis#process}'s report for the same lines: on every
 * line of the ten loghub samples, on random lines built to trip the regular expressions' corner
 * cases (boundaries, backtracking, pattern order), however the lines are cut into blocks and shares
 * and in whatever order the tables are combined.
 */
class LogTableTest {
  static final Path LOGS = Path.of("../deploy/samples/loghub");

  static List<String> sampleLines() throws Exception {
    List<String> lines = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(LOGS, "*.log")) {
      List<Path> sorted = new ArrayList<>();
      files.forEach(sorted::add);
      Collections.sort(sorted);
      for (Path f : sorted) {
        try (Stream<String> s = Files.lines(f)) {
          s.forEach(lines::add);
        }
      }
    }
    return lines;
  }

  private static LogReport table(List<String> lines, LogAnalysis analysis, int linesPerBlock) {
    LogTable table = new LogTable(analysis);
    for (int i = 0; i < lines.size(); i += linesPerBlock) {
      String block =
          String.join("\r\n", lines.subList(i, Math.min(i + linesPerBlock, lines.size())));
      table.add(block.getBytes(StandardCharsets.UTF_8));
    }
    return table.report();
  }

  /** The level, source and template of one line, by the table, against the regular expressions. */
  private static void assertSameAsRegex(String line) {
    String stripped = line.strip();
    if (stripped.isEmpty()) {
      return;
    }
    LogLine parsed = LogLine.parse(stripped);
    LogReport report = table(List.of(line), new LogAnalysis(), 1);
    assertThat(report.templates().keySet())
        .as("template of [%s]", line)
        .isEqualTo(Set.of(LogAnalysis.template(parsed)));
    assertThat(report.levels().keySet())
        .as("level of [%s]", line)
        .isEqualTo(Set.of(parsed.level()));
    assertThat(report.sources().keySet())
        .as("source of [%s]", line)
        .isEqualTo(Set.of(parsed.source()));
  }

  @Test
  void everySampleLine_hasTheRegexLevelSourceAndTemplate() throws Exception {
    List<String> lines = sampleLines();
    assertThat(lines).hasSize(20_000);
    lines.forEach(LogTableTest::assertSameAsRegex);
  }

  @Test
  void randomTrickyLines_haveTheRegexLevelSourceAndTemplate() {
    String[] parts = {
      "1",
      "12",
      "123",
      "1234",
      "0",
      "9",
      ".",
      ":",
      ",",
      "-",
      "+",
      "/",
      "//",
      "blk_",
      "blk_-",
      "0x",
      "0X",
      "x",
      "a",
      "f",
      "F",
      "g",
      "G",
      "_",
      " ",
      "  ",
      "[",
      "]",
      "(",
      "=",
      "<",
      "abcdef",
      "deadbeef12",
      "192.168.1.1",
      "10.0.0.1:8080",
      "1.2.3",
      "1.2.3.4.5",
      "2005.06.03",
      "12:01:01",
      "2005-06-03-15.42.50.675872",
      "R02-M1-N0",
      "RAS",
      "KERNEL",
      "INFO",
      "FATAL",
      "Jun",
      "Nov",
      "sshd[123]:",
      "sshd:",
      "proc[x]:",
      "a[12]",
      "081109",
      "203615",
      "148",
      "WARN",
      "dfs.X$Y:",
      "/var/log",
      "./a/b/",
      "~",
      "é",
      "\t"
    };
    String[] heads = {
      "- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11"
          + " RAS KERNEL INFO ",
      "APPREAD 1117869872 2005.06.04 R04-M1-N4-I:J18-U11 2005-06-04-00.24.32.432192"
          + " R04-M1-N4-I:J18-U11 RAS APP FATAL",
      "- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 ",
      "- 1131566461 2005.11.09 dn228 Nov  9 12:01:01 dn228/dn228 crond(pam_unix)[2915]: ",
      "081109 203615 148 INFO dfs.DataNode$PacketResponder: ",
      "081109 203615 148 INFO dfs.DataNode$PacketResponder:",
      "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: ",
      "Dec 10 06:55:46 LabSZ sshd[24200]: ",
      "Jun  9 06:06:20 combo ",
      ""
    };
    Random random = new Random(42);
    for (int i = 0; i < 30_000; i++) {
      StringBuilder line = new StringBuilder(heads[random.nextInt(heads.length)]);
      int n = random.nextInt(14);
      for (int j = 0; j < n; j++) {
        line.append(parts[random.nextInt(parts.length)]);
      }
      if (random.nextInt(4) == 0 && line.length() > 1) {
        // cut a header short or drop a char from it, to miss a pattern by one
        int at = random.nextInt(line.length());
        line.deleteCharAt(at);
      }
      assertSameAsRegex(line.toString());
    }
  }

  @Test
  void wholeSamples_inBlocksOfAnySize_equalTheSingleThread() throws Exception {
    List<String> lines = sampleLines();
    for (LogAnalysis analysis :
        List.of(new LogAnalysis(), new LogAnalysis(1), new LogAnalysis(7))) {
      LogReport single = analysis.process(lines);
      for (int perBlock : List.of(1, 37, 20_000)) {
        assertThat(table(lines, analysis, perBlock))
            .as("%d lines a block", perBlock)
            .isEqualTo(single);
      }
    }
  }

  @Test
  void randomSharesCombinedInAnyOrder_equalTheSingleThread() throws Exception {
    List<String> lines = new ArrayList<>(sampleLines());
    lines.add("  caf\u00e9 \u00fcber 12 blk_-99  ");
    lines.add("\t- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 su: tab\tinside ");
    lines.add("   ");
    LogAnalysis analysis = new LogAnalysis();
    LogReport single = analysis.process(lines);
    Random random = new Random(7);
    for (int round = 0; round < 3; round++) {
      List<LogTable> shares = new ArrayList<>();
      for (int i = 0; i < lines.size(); ) {
        int n = 1 + random.nextInt(3_000);
        LogTable t = new LogTable(analysis);
        List<String> share = lines.subList(i, Math.min(lines.size(), i + n));
        t.add(String.join("\n", share).getBytes(StandardCharsets.UTF_8));
        shares.add(t);
        i += n;
      }
      Collections.shuffle(shares, random);
      LogTable merged = new LogTable(analysis);
      for (LogTable s : shares) {
        if (random.nextBoolean()) {
          merged.addAll(s);
        } else {
          s.addAll(merged);
          merged = s;
        }
      }
      assertThat(merged.report()).isEqualTo(single);
    }
  }
}
