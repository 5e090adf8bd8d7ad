package io.swarmgrid.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.deploy.demo.Demo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo's report, as {@code ./swarmgrid demo --once} prints it. */
class DemoIT {
  @Test
  void demoOnce_printsNodesCounterAndWordCount() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.runOnce(new PrintStream(bytes, true, StandardCharsets.UTF_8), Path.of("samples/loghub"));
    String report = bytes.toString(StandardCharsets.UTF_8);
    assertThat(report)
        .contains("demo-1", "demo-2", "demo-3")
        .containsPattern("dashboard: http://127\\.0\\.0\\.1:\\d+/\\?token=[A-Za-z0-9_-]+\n")
        .contains("CP members    : [127.0.0.1:")
        .contains("counter 0 -> 1000 (none lost)")
        .contains("20000 lines from")
        .contains("top 10 words:")
        .contains("sshd")
        .contains("-> EQUIVOCATION")
        .contains("-> FORGED_SIGNATURE")
        .contains("decision: QUORUM 'approve'")
        .contains("evidence against voter-2: EQUIVOCATION")
        .contains(
            "demo-3 signed two different votes in each of 2 rounds: reputation 0.16, QUARANTINED")
        .contains("demo-2 lost (PERMANENT): 150 of 150 work items moved to [demo-1=150]")
        .contains("; lost 0")
        .contains("diffusion = Jet: true (")
        .contains("log analysis of 20000 lines: by diffusion")
        .contains("; diffusion = Jet: true\n")
        .contains("2250 lines of TREC run written")
        .contains("1 Q0 ")
        .contains("model search: 12 particles (agents)")
        .contains("; random search, same ")
        .contains("adopted validation accuracy ")
        .contains("  risk: ")
        .contains("  plan task ")
        .contains("action=retrain swarm=demo-model")
        .contains("TOUR berlin52 length=")
        .contains("valid=true")
        .contains("agents 10 of 10 after the kill");
  }
}
