package io.swarmgrid.deploy.cluster.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Signals to one node's process, only while it is the process the state file recorded (same pid and
 * start time), so a reused pid is never touched.
 */
public final class NodeProcess {
  /** What a node's process is doing. */
  public enum Liveness {
    RUNNING,
    PAUSED,
    DEAD
  }

  private NodeProcess() {}

  /** The node's process, if it is still the one started. */
  public static Optional<ProcessHandle> handle(NodeState node) {
    return ProcessHandle.of(node.pid())
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                p.info()
                    .startInstant()
                    .map(Instant::toEpochMilli)
                    .map(t -> Math.abs(t - node.startedAt()) < 2000)
                    .orElse(false));
  }

  /** Running, paused (SIGSTOP) or dead. */
  public static Liveness liveness(NodeState node) {
    if (handle(node).isEmpty()) {
      return Liveness.DEAD;
    }
    try {
      // Field 3 of /proc/PID/stat is the state; T is stopped by a signal.
      String stat = Files.readString(Path.of("/proc", Long.toString(node.pid()), "stat"));
      String afterName = stat.substring(stat.lastIndexOf(')') + 2);
      return afterName.startsWith("T") ? Liveness.PAUSED : Liveness.RUNNING;
    } catch (IOException | RuntimeException e) {
      return Liveness.RUNNING;
    }
  }

  /** SIGKILL; returns whether it was alive. */
  public static boolean kill(NodeState node) throws InterruptedException {
    Optional<ProcessHandle> p = handle(node);
    if (p.isEmpty()) {
      return false;
    }
    p.get().destroyForcibly();
    p.get().onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
    return true;
  }

  /** SIGCONT (a paused member could not stop) then SIGTERM, and waits up to {@code wait}. */
  public static boolean stop(NodeState node, Duration wait) throws InterruptedException {
    Optional<ProcessHandle> p = handle(node);
    if (p.isEmpty()) {
      return false;
    }
    signal(node, "CONT");
    p.get().destroy();
    return p.get().onExit().completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS).join()
        != null;
  }

  /** SIGSTOP: the member stops answering but keeps its sockets. */
  public static void pause(NodeState node) throws InterruptedException {
    signal(node, "STOP");
  }

  /** SIGCONT. */
  public static void resume(NodeState node) throws InterruptedException {
    signal(node, "CONT");
  }

  private static void signal(NodeState node, String signal) throws InterruptedException {
    if (handle(node).isEmpty()) {
      return;
    }
    try {
      // Java has no API for SIGSTOP/SIGCONT; kill(1) is on every Linux.
      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(node.pid()))
              .redirectErrorStream(true)
              .start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException(
            "kill -"
                + signal
                + " "
                + node.pid()
                + " failed: "
                + new String(kill.getInputStream().readAllBytes()));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kill -" + signal + ": " + e.getMessage(), e);
    }
  }
}
