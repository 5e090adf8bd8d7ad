package io.swarmgrid.tasks.workload.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmgrid.tasks.workload.Shares;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogTemplatesTest {
  static final Path LOGS = Path.of("../deploy/samples/loghub");
  static final Pattern IP = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  static final Pattern BLOCK = Pattern.compile("blk_-?\\d+");
  static final List<String> HEADER_VARIABLES = List.of("Timestamp", "Date", "Time", "Pid");

  static List<String> lines(String format) throws Exception {
    return Files.readAllLines(LOGS.resolve(format + "_2k.log"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "BGL",
        "Thunderbird",
        "HDFS",
        "Hadoop",
        "Zookeeper",
        "Spark",
        "OpenStack",
        "OpenSSH",
        "Linux",
        "Apache"
      })
  void everyLineParsesInItsFormat_andTemplatesHoldNoHeaderIpOrBlockId(String name)
      throws Exception {
    List<String> lines = lines(name);
    LogFormat format = LogFormats.byNameOrFormat(name);
    assertThat(LogFormats.detect(lines)).contains(format);
    LogTemplates workload = new LogTemplates();
    Templates templates = Templates.mine(workload.process(lines));
    for (String line : lines) {
      ParsedLog parsed = workload.parse(line);
      assertThat(parsed.format()).as(line).isEqualTo(name);
      Template template = templates.of(LogTemplates.pattern(parsed));
      assertThat(IP.matcher(template.text()).find()).as(template.text()).isFalse();
      assertThat(BLOCK.matcher(template.text()).find()).as(template.text()).isFalse();
      List<String> tokens = List.of(template.text().split(" "));
      for (String field : HEADER_VARIABLES) {
        String value = parsed.fields().get(field);
        if (value != null) {
          assertThat(tokens).as(line).doesNotContain(value);
          if (value.length() >= 6) {
            assertThat(template.text()).as(line).doesNotContain(value);
          }
        }
      }
    }
    System.out.printf("%s: %d templates%n", name, templates.counts().size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "BGL",
        "Thunderbird",
        "HDFS",
        "Hadoop",
        "Zookeeper",
        "Spark",
        "OpenStack",
        "OpenSSH",
        "Linux",
        "Apache"
      })
  void linesDifferingOnlyInTimestampPidBlockOrIp_shareATemplate(String name) throws Exception {
    List<String> lines = lines(name);
    LogTemplates workload = new LogTemplates(name);
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      changed.add(
          vary(
              LogFormats.byNameOrFormat(name),
              workload.parse(lines.get(i)),
              lines.get(i),
              workload.parse(lines.get((i + 7) % lines.size()))));
    }
    TreeMap<String, Long> both = workload.merge(workload.process(lines), workload.process(changed));
    Templates templates = Templates.mine(both);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(templates.of(LogTemplates.pattern(workload.parse(changed.get(i)))))
          .as(changed.get(i))
          .isEqualTo(templates.of(LogTemplates.pattern(workload.parse(lines.get(i)))));
    }
  }

  /**
   * {@code line} with its header time and pid taken from {@code other} (field by field, left to
   * right), IPs and block ids changed.
   */
  static String vary(LogFormat format, ParsedLog parsed, String line, ParsedLog other) {
    StringBuilder varied = new StringBuilder(line);
    int from = 0;
    for (String field : format.fields()) {
      String value = parsed.fields().get(field);
      if (field.equals(LogFormat.CONTENT) || value == null || value.isEmpty()) {
        continue;
      }
      int at = varied.indexOf(value, from);
      String replacement = other.fields().get(field);
      if (HEADER_VARIABLES.contains(field) && replacement != null && !replacement.isEmpty()) {
        varied.replace(at, at + value.length(), replacement);
        from = at + replacement.length();
      } else {
        from = at + value.length();
      }
    }
    String changed = IP.matcher(varied).replaceAll("10.99.0.7");
    return BLOCK.matcher(changed).replaceAll("blk_-1234567890");
  }

  @Test
  void drainGroupsLinesThatDifferInAWordItHasNotMasked() {
    LogTemplates workload = new LogTemplates("OpenSSH");
    Templates templates =
        Templates.mine(
            workload.process(
                List.of(
                    "Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186",
                    "Dec 10 07:02:47 LabSZ sshd[24203]: Invalid user test9 from 52.80.34.196",
                    "Dec 10 07:08:28 LabSZ sshd[24208]: Invalid user admin from 103.99.0.122",
                    "Dec 10 07:11:28 LabSZ sshd[24224]: Received disconnect from 103.99.0.122: 11:"
                        + " Bye Bye [preauth]")));
    assertThat(templates.all())
        .extracting(Template::text)
        .containsExactly(
            "Invalid user <*> from <*>", "Received disconnect from <*>: <*>: Bye Bye [preauth]");
    assertThat(templates.all().get(0).parameters()).containsExactly(2, 4);
    assertThat(templates.all().get(0).id()).matches("[0-9a-f]{8}");
  }

  @Test
  void randomSharesMergeIntoTheTemplatesOfOneThread() throws Exception {
    List<String> all = new ArrayList<>();
    for (String name : List.of("BGL", "HDFS", "Apache", "OpenStack", "Zookeeper")) {
      all.addAll(lines(name));
    }
    LogTemplates workload = new LogTemplates();
    TreeMap<String, Long> single = workload.process(all);
    for (long seed = 1; seed <= 3; seed++) {
      TreeMap<String, Long> shares =
          Shares.processInRandomShares(workload, all, new Random(seed), 700);
      assertThat(shares).isEqualTo(single);
      assertThat(Templates.mine(shares).counts()).isEqualTo(Templates.mine(single).counts());
    }
  }

  @Test
  void customFormatString_parsesLikeLoghub_andBadFormatsNameTheValue() {
    LogFormat format = LogFormats.byNameOrFormat("<Date> <Time> <Level> <Content>");
    assertThat(format.parse("2026-11-30 12:00:01 WARN disk  /dev/sda1 is 91% full"))
        .get()
        .extracting(ParsedLog::level, ParsedLog::content)
        .containsExactly("WARN", "disk  /dev/sda1 is 91% full");
    assertThatThrownBy(() -> LogFormats.byNameOrFormat("<Date> <Level>"))
        .hasMessageContaining("format: '<Date> <Level>'")
        .hasMessageContaining("<Content>");
    assertThatThrownBy(() -> LogFormats.byNameOrFormat("Syslog2"))
        .hasMessageContaining("format: unknown format 'Syslog2'");
    assertThatThrownBy(() -> LogFormats.byNameOrFormat("<Date> <Date> <Content>"))
        .hasMessageContaining("<Date>");
    assertThatThrownBy(() -> new LogTemplates("<a-b> <Content>")).hasMessageContaining("<a-b>");
  }
}
