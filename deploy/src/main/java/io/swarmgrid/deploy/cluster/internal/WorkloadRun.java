package io.swarmgrid.deploy.cluster.internal;

import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.diffusion.DiffusionProgress;
import io.swarmgrid.client.diffusion.DiffusionRequest;
import io.swarmgrid.tasks.workload.Workload;
import java.io.PrintStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a ready workload on the cluster, by diffusion or as a Jet job, printing progress: a bar on a
 * terminal, a plain line every 2 s otherwise.
 */
public final class WorkloadRun {
  private final SwarmClient client;
  private final PrintStream out;
  private final boolean terminal;

  public WorkloadRun(SwarmClient client, PrintStream out, boolean terminal) {
    this.client = client;
    this.out = out;
    this.terminal = terminal;
  }

  /** The result of {@code workload} over the input text, one thread, here. */
  public static <R extends Serializable> R singleThread(Workload<R> workload, String text) {
    return workload.process(workload.records(text));
  }

  /**
   * Injects {@code text} with {@code energy}, runs {@code started} once it is injected, and waits
   * up to {@code timeout} for the result.
   */
  public <R extends Serializable> R byDiffusion(
      Workload<R> workload, String text, double energy, Duration timeout, Runnable started)
      throws InterruptedException {
    var diffusion = client.diffusion();
    String id = diffusion.inject(DiffusionRequest.ofText(workload.name(), text, energy));
    out.printf("injected %s as diffusion task %s with energy %.0f%n", workload.name(), id, energy);
    started.run();
    long deadline = System.nanoTime() + timeout.toNanos();
    long lastLine = 0;
    while (System.nanoTime() < deadline) {
      DiffusionProgress p = diffusion.progress(id);
      if (p.finished()) {
        break;
      }
      long now = System.nanoTime();
      if (terminal) {
        out.print("\r" + bar(p));
        out.flush();
      } else if (now - lastLine > 2_000_000_000L) {
        out.println(line(p));
        lastLine = now;
      }
      Thread.sleep(200);
    }
    if (terminal) {
      out.println();
    }
    R result =
        diffusion.result(
            id,
            resultType(workload),
            Duration.ofNanos(Math.max(1_000_000_000L, deadline - System.nanoTime())));
    out.println(line(diffusion.progress(id)));
    return result;
  }

  /** Runs {@code workload} as a Jet job over the input's files, printing a line while it runs. */
  public Serializable byJet(String name, WorkloadInput input, Duration timeout, Runnable started)
      throws Exception {
    out.printf("submitted %s as a Jet job over %d file(s)%n", name, input.files().size());
    CompletableFuture<Serializable> run =
        CompletableFuture.supplyAsync(
            () -> client.workloads().run(name, input.directory(), input.glob(), Map.of()));
    started.run();
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (!run.isDone()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the Jet job did not finish within " + timeout);
      }
      Thread.sleep(200);
      long s = (System.nanoTime() - start) / 1_000_000_000L;
      if (terminal) {
        out.printf("\rjet job running: %d s", s);
      }
    }
    if (terminal) {
      out.println();
    }
    return run.get();
  }

  @SuppressWarnings("unchecked")
  private static <R extends Serializable> Class<R> resultType(Workload<R> workload) {
    return (Class<R>) workload.empty().getClass();
  }

  private static String line(DiffusionProgress p) {
    return String.format(
        "progress: %s, %d/%d chunks agreed, %d nodes reached, %d reinjections, %.1f s",
        p.state().name().toLowerCase(java.util.Locale.ROOT),
        p.chunksDone(),
        p.chunksTotal(),
        p.nodesReached(),
        p.reinjections(),
        p.elapsedMillis() / 1000.0);
  }

  private static String bar(DiffusionProgress p) {
    int width = 30;
    int filled = p.chunksTotal() == 0 ? 0 : width * p.chunksDone() / p.chunksTotal();
    return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + line(p).substring(10);
  }
}
