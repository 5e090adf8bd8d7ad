package io.swarmgrid.tasks.workload.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmgrid.tasks.workload.logs.AnomalyDetector.Score;
import io.swarmgrid.tasks.workload.logs.AnomalyDetector.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {
  static final Path LOGS = Path.of("../deploy/samples/loghub");

  @Test
  void severeLevelWithAnErrorWord_isAnomalous_butNeitherAlone() {
    List<Verdict> v =
        new AnomalyDetector(new LogTemplates("Spark"), 3, 300)
            .detect(
                List.of(
                    "17/06/09 20:10:40 ERROR executor.Executor: Exception in task 1.0 in stage 2.0",
                    "17/06/09 20:10:41 ERROR executor.Executor: heartbeat missed for 3 s",
                    "17/06/09 20:10:42 INFO storage.BlockManager: 0 errors while reading block 7"));
    assertThat(v).extracting(Verdict::anomalous).containsExactly(true, false, false);
  }

  @Test
  void levellessFormats_flagRareTemplatesWithAnErrorWord() {
    String failure =
        "Dec 10 07:07:38 LabSZ sshd[24206]: error: Received disconnect from 52.80.34.196: 3:"
            + " com.jcraft.jsch.JSchException: Auth fail [preauth]";
    String normal = "Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186";
    List<Verdict> v =
        new AnomalyDetector(new LogTemplates("OpenSSH"), 2, 300)
            .detect(List.of(normal, failure, normal.replace("webmaster", "test")));
    assertThat(v).extracting(Verdict::anomalous).containsExactly(false, true, false);
  }

  @Test
  void errorsAboutAPathThatVaries_areTheUsersInput_notAnomalies() {
    String head = "- 1119309833 2005.06.20 R14-M1-N0-I:J18-U01 2005-06-20-16.23.53.944371";
    String tail = " R14-M1-N0-I:J18-U01 RAS APP FATAL ciod: ";
    List<Verdict> v =
        new AnomalyDetector(new LogTemplates("BGL"), 3, 300)
            .detect(
                List.of(
                    head + tail + "Error loading /home/a/prog: invalid or missing program image",
                    head + tail + "Error loading ./bench.rts: invalid or missing program image",
                    head + tail + "Error loading other: invalid or missing program image",
                    head
                        + tail
                        + "Error reading message prefix on CioStream socket to 10.0.0.1:7"));
    assertThat(v).extracting(Verdict::anomalous).containsExactly(false, false, false, true);
  }

  @Test
  void windowsGroupByBlockIdOrTimestamp() throws Exception {
    List<Verdict> hdfs =
        new AnomalyDetector().detect(Files.readAllLines(LOGS.resolve("HDFS_2k.log")));
    assertThat(hdfs).allSatisfy(v -> assertThat(v.window()).startsWith("blk_"));
    List<Verdict> bgl =
        new AnomalyDetector(new LogTemplates("BGL"), 3, 3600)
            .detect(Files.readAllLines(LOGS.resolve("BGL_2k.log")));
    assertThat(bgl.get(0).window()).isEqualTo("t" + 1117836000L);
    List<AnomalyDetector.Window> windows = AnomalyDetector.windows(bgl);
    assertThat(windows.stream().mapToInt(AnomalyDetector.Window::lines).sum()).isEqualTo(2000);
  }

  /** Labels only score the result: the detector never reads them (see the class's doc). */
  @Test
  void bglScores_printed_andTheCountsAddUp() throws Exception {
    List<String> lines = Files.readAllLines(LOGS.resolve("BGL_2k.log"));
    List<Verdict> verdicts = new AnomalyDetector(new LogTemplates("BGL"), 3, 300).detect(lines);
    Score lineScore = AnomalyDetector.scoreLines(verdicts);
    Score windowScore = AnomalyDetector.scoreWindows(AnomalyDetector.windows(verdicts));
    System.out.printf(
        "BGL lines: %s p=%.3f r=%.3f f1=%.3f base=%.3f; windows: %s p=%.3f r=%.3f f1=%.3f"
            + " base=%.3f%n",
        lineScore,
        lineScore.precision(),
        lineScore.recall(),
        lineScore.f1(),
        lineScore.baseRate(),
        windowScore,
        windowScore.precision(),
        windowScore.recall(),
        windowScore.f1(),
        windowScore.baseRate());
    long flaggedDistinct =
        verdicts.stream().filter(Verdict::anomalous).map(Verdict::line).distinct().count();
    assertThat(lineScore.flagged()).isEqualTo(flaggedDistinct);
    assertThat(lineScore.labelled()).isEqualTo(143);
    assertThat(lineScore.total())
        .isEqualTo(verdicts.stream().map(Verdict::line).distinct().count());
    // the goal; a regression guard (nothing is fitted to these labels)
    assertThat(lineScore.f1()).isGreaterThanOrEqualTo(0.8);
    assertThat(windowScore.f1()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void badParameters_nameTheParameterAndValue() {
    assertThatThrownBy(() -> new AnomalyDetector(new LogTemplates(), 0, 300))
        .hasMessageContaining("anomalies.rareBelow: 0");
    assertThatThrownBy(() -> new AnomalyDetector(new LogTemplates(), 3, 0))
        .hasMessageContaining("anomalies.windowSeconds: 0");
  }
}
