package io.swarmgrid.plugin.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
  @TempDir Path dir;

  private void append(Path file, String text) throws Exception {
    Files.writeString(
        file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Test
  void missingFile_readsEmpty_thenItsLinesOnceCreated() throws Exception {
    Path log = dir.resolve("m.log");
    LogTail tail = new LogTail(log, true);
    assertThat(tail.read()).isEmpty();
    append(log, "one\ntwo\n");
    assertThat(tail.read()).containsExactly("one", "two");
    assertThat(tail.read()).isEmpty();
  }

  @Test
  void fromEnd_skipsWhatWasThere_andAPartialLineWaitsForItsNewline() throws Exception {
    Path log = dir.resolve("m.log");
    append(log, "old\n");
    LogTail tail = new LogTail(log, true);
    append(log, "new\nhal");
    assertThat(tail.read()).containsExactly("new");
    append(log, "f\n\n");
    assertThat(tail.read()).containsExactly("half");
  }

  @Test
  void aFileThatShrank_isReadAgainFromItsStart() throws Exception {
    Path log = dir.resolve("m.log");
    LogTail tail = new LogTail(log, false);
    append(log, "a long first line\n");
    assertThat(tail.read()).containsExactly("a long first line");
    Files.writeString(log, "rotated\n", StandardCharsets.UTF_8);
    assertThat(tail.read()).containsExactly("rotated");
  }
}
