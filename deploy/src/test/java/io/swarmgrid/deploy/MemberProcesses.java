package io.swarmgrid.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Member processes from the shaded jar, for the process tests: each runs in {@code work} (so its
 * key files land there) and logs to {@code work/NAME.log}; {@link #close} kills whatever still
 * runs.
 */
final class MemberProcesses {
  private static final Path JAR =
      Path.of(System.getProperty("swarmgrid.memberJar", "target/swarmgrid-member.jar"));
  private static final String JVM_FLAGS = System.getProperty("swarmgrid.jvmFlags", "");

  private final Path work;
  private final List<Process> processes = new ArrayList<>();

  MemberProcesses(Path work) {
    this.work = work;
  }

  /** Starts a member from {@code hazelcastYaml} and, if not null, {@code swarmgridYaml}. */
  Process start(String name, Path hazelcastYaml, Path swarmgridYaml) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    for (String flag : JVM_FLAGS.trim().split("\\s+")) {
      if (!flag.isEmpty()) {
        cmd.add(flag);
      }
    }
    cmd.addAll(
        List.of(
            "-Xmx384m",
            "-jar",
            JAR.toAbsolutePath().toString(),
            "--hazelcast",
            hazelcastYaml.toAbsolutePath().toString()));
    if (swarmgridYaml != null) {
      cmd.addAll(List.of("--swarmgrid", swarmgridYaml.toAbsolutePath().toString()));
    }
    Process p =
        new ProcessBuilder(cmd)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve(name + ".log").toFile())
            .start();
    processes.add(p);
    return p;
  }

  /** The last 40 lines of every member's log, for a failure message. */
  String logs() throws IOException {
    StringBuilder sb = new StringBuilder();
    try (var files = Files.list(work)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f);
        sb.append("\n--- ").append(f.getFileName()).append(" (last 40 lines)\n");
        lines
            .subList(Math.max(0, lines.size() - 40), lines.size())
            .forEach(l -> sb.append(l).append('\n'));
      }
    }
    return sb.toString();
  }

  /** Kills every member still running and waits for it. */
  void close() throws InterruptedException {
    for (Process p : processes) {
      p.destroyForcibly();
    }
    for (Process p : processes) {
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
