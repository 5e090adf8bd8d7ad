package io.swarmgrid.tasks.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LogAnalysisTest {
  static final Path LOGS = Path.of("../deploy/samples/loghub");

  static List<String> lines(String file) throws Exception {
    return Files.readAllLines(LOGS.resolve(file));
  }

  @Test
  void parsesEachLoghubFormat() {
    assertThat(
            LogLine.parse(
                "- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872"
                    + " R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected"))
        .isEqualTo(
            new LogLine("BGL", "-", "INFO", "KERNEL", "instruction cache parity error corrected"));
    assertThat(
            LogLine.parse(
                "- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228"
                    + " crond(pam_unix)[2915]: session closed for user root"))
        .isEqualTo(
            new LogLine(
                "THUNDERBIRD", "-", "-", "crond(pam_unix)", "session closed for user root"));
    assertThat(
            LogLine.parse(
                "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1"
                    + " for block blk_38865049064139660 terminating"))
        .isEqualTo(
            new LogLine(
                "HDFS",
                null,
                "INFO",
                "dfs.DataNode$PacketResponder",
                "PacketResponder 1 for block blk_38865049064139660 terminating"));
    assertThat(
            LogLine.parse(
                "Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186"))
        .isEqualTo(
            new LogLine("SYSLOG", null, "-", "sshd", "Invalid user webmaster from 173.234.31.186"));
    assertThat(LogLine.parse("something else"))
        .isEqualTo(new LogLine("OTHER", null, "-", "-", "something else"));
  }

  @Test
  void everySampleLineParsesInItsFormat() throws Exception {
    for (String[] f :
        new String[][] {
          {"BGL_2k.log", "BGL"},
          {"Thunderbird_2k.log", "THUNDERBIRD"},
          {"HDFS_2k.log", "HDFS"},
          {"Linux_2k.log", "SYSLOG"},
          {"OpenSSH_2k.log", "SYSLOG"}
        }) {
      List<String> lines = lines(f[0]);
      assertThat(lines).hasSize(2000);
      assertThat(lines)
          .allSatisfy(l -> assertThat(LogLine.parse(l).format()).as(l).isEqualTo(f[1]));
    }
  }

  @Test
  void templatesMaskVariableParts() {
    assertThat(
            LogAnalysis.template(
                LogLine.parse(
                    "Dec 10 06:55:46 LabSZ sshd[24200]: Failed password for root from 173.234.31.186 port 38926 ssh2")))
        .isEqualTo("sshd | Failed password for root from <ip> port <n> ssh<n>");
    assertThat(
            LogAnalysis.template(
                LogLine.parse(
                    "081109 203615 148 INFO dfs.DataNode$PacketResponder:"
                        + " PacketResponder 1 for block blk_-6952295868487656571 terminating")))
        .isEqualTo(
            "dfs.DataNode$PacketResponder | PacketResponder <n> for block <blk> terminating");
  }

  @Test
  void countsLevelsSourcesAndListsRareLines() {
    LogAnalysis analysis = new LogAnalysis(2);
    LogReport r =
        analysis.process(
            List.of(
                "081109 203615 1 INFO dfs.A: served block blk_1 to 10.0.0.1",
                "081109 203615 2 INFO dfs.A: served block blk_2 to 10.0.0.2",
                "081109 203615 3 WARN dfs.B: disk failure on /data/7",
                "",
                "081109 203615 4 INFO dfs.A: served block blk_3 to 10.0.0.3"));
    assertThat(r.lines()).isEqualTo(4);
    assertThat(r.levels())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("INFO", 3L, "WARN", 1L));
    assertThat(r.sources())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("dfs.A", 3L, "dfs.B", 1L));
    assertThat(r.anomalies())
        .containsExactly("081109 203615 3 WARN dfs.B: disk failure on /data/7");
    assertThat(r.anomalousLines()).isEqualTo(1);
  }

  @Test
  void randomSharesMergeToTheSingleThreadResult() throws Exception {
    List<String> all = new ArrayList<>();
    for (String f :
        List.of(
            "BGL_2k.log", "Thunderbird_2k.log", "HDFS_2k.log", "Linux_2k.log", "OpenSSH_2k.log")) {
      all.addAll(lines(f));
    }
    for (int rareBelow : new int[] {1, 3, 10}) {
      LogAnalysis analysis = new LogAnalysis(rareBelow);
      LogReport whole = analysis.process(all);
      for (long seed = 1; seed <= 5; seed++) {
        assertThat(Shares.processInRandomShares(analysis, all, new Random(seed), 700))
            .as("rareBelow %d seed %d", rareBelow, seed)
            .isEqualTo(whole);
      }
    }
  }

  @Test
  void rareTemplatesFindLabelledBglAnomalies() throws Exception {
    List<String> lines = lines("BGL_2k.log");
    LogReport r = new LogAnalysis().process(lines);
    Set<String> flagged = Set.copyOf(r.anomalies());
    Set<String> labelled =
        lines.stream()
            .map(String::strip)
            .filter(l -> LogLine.parse(l).labelledAnomalous())
            .collect(Collectors.toSet());
    long truePositives = flagged.stream().filter(labelled::contains).count();
    long falsePositives = flagged.stream().filter(l -> !labelled.contains(l)).count();
    long falseNegatives = labelled.stream().filter(l -> !flagged.contains(l)).count();
    double precision = truePositives / (double) flagged.size();
    double recall = truePositives / (double) labelled.size();
    System.out.printf(
        "BGL_2k rareBelow=%d flagged=%d labelled=%d precision=%.3f recall=%.3f%n",
        LogAnalysis.DEFAULT_RARE_BELOW, flagged.size(), labelled.size(), precision, recall);
    // measured, not a goal: no quality bar. The flagged lines are exactly the distinct lines whose
    // template occurs fewer than rareBelow times (counted here independently of the report), and
    // the confusion counts add up to the flagged and labelled totals.
    Map<String, Long> perTemplate =
        lines.stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .collect(
                Collectors.groupingBy(
                    l -> LogAnalysis.template(LogLine.parse(l)), Collectors.counting()));
    Set<String> rareLines =
        lines.stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .filter(
                l ->
                    perTemplate.get(LogAnalysis.template(LogLine.parse(l)))
                        < LogAnalysis.DEFAULT_RARE_BELOW)
            .collect(Collectors.toSet());
    assertThat(flagged).isEqualTo(rareLines);
    assertThat(truePositives + falsePositives).isEqualTo(flagged.size());
    assertThat(truePositives + falseNegatives).isEqualTo(labelled.size());
    assertThat(labelled)
        .hasSize(
            (int)
                lines.stream()
                    .map(String::strip)
                    .filter(l -> !l.startsWith("- "))
                    .distinct()
                    .count());
  }

  @Test
  void badThresholdIsRefusedNamingIt() {
    assertThatThrownBy(() -> new LogAnalysis(0))
        .hasMessageContaining("log-analysis.rareBelow")
        .hasMessageContaining("0");
  }
}
