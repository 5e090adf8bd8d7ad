package io.swarmgrid.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Like {@link LoadRun}, for asynchronous operations: one thread keeps up to {@code inFlight}
 * operations started, counting those that complete inside the measured window, with their latency
 * and the process's CPU time per operation (members and client share this JVM, so it is the whole
 * cost of an operation).
 */
final class InFlightRun {
  /** Starts operation {@code i}. */
  @FunctionalInterface
  interface AsyncOp {
    CompletionStage<?> start(long i) throws Exception;
  }

  /** A run's figures: throughput and latency, and CPU microseconds per operation. */
  record Result(LoadRun.Result load, double cpuMicrosPerOp) {}

  private static final int MAX_SAMPLES = 2_000_000;

  private InFlightRun() {}

  static Result run(String name, int inFlight, double warmup, double seconds, AsyncOp op)
      throws InterruptedException {
    return run(name, inFlight, 0, warmup, seconds, op);
  }

  /**
   * Starts operations at {@code ratePerSecond} (open loop, at most {@code inFlight} at once);
   * latency counts from each one's scheduled start. A rate of 0 starts them as fast as they end.
   */
  static Result run(
      String name, int inFlight, double ratePerSecond, double warmup, double seconds, AsyncOp op)
      throws InterruptedException {
    Semaphore slots = new Semaphore(inFlight);
    long[] samples = new long[MAX_SAMPLES];
    AtomicLong sampled = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long origin = System.nanoTime();
    long measureFrom = origin + (long) (warmup * 1e9);
    long measureTo = measureFrom + (long) (seconds * 1e9);
    long interval = ratePerSecond > 0 ? (long) (1e9 / ratePerSecond) : 0;
    long cpuStart = -1;
    for (long i = 0; failure.get() == null; i++) {
      long scheduled = interval > 0 ? origin + i * interval : System.nanoTime();
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      if (cpuStart < 0 && System.nanoTime() >= measureFrom) {
        cpuStart = cpuNanos();
      }
      if (System.nanoTime() >= measureTo) {
        break;
      }
      slots.acquire();
      CompletionStage<?> started;
      try {
        started = op.start(i);
      } catch (Exception e) {
        failure.set(e);
        break;
      }
      started.whenComplete(
          (r, e) -> {
            long end = System.nanoTime();
            if (e != null) {
              failure.compareAndSet(null, e);
            } else if (end >= measureFrom && end < measureTo) {
              long n = sampled.getAndIncrement();
              if (n < MAX_SAMPLES) {
                samples[(int) n] = end - scheduled;
              }
            }
            slots.release();
          });
    }
    long cpu = cpuNanos() - cpuStart;
    if (!slots.tryAcquire(inFlight, 60, TimeUnit.SECONDS)) {
      ConsensusBench.STAGES.entrySet().stream()
          .limit(5)
          .forEach(e -> System.err.println("  unfinished " + e.getKey() + ": " + e.getValue()));
      throw new IllegalStateException(
          "benchmark " + name + ": operations still running after 60 s");
    }
    if (failure.get() != null) {
      throw new IllegalStateException("benchmark " + name + " failed", failure.get());
    }
    long ops = sampled.get();
    long[] sorted = Arrays.copyOf(samples, (int) Math.min(ops, MAX_SAMPLES));
    Arrays.sort(sorted);
    return new Result(
        new LoadRun.Result(
            name, ops, seconds, LoadRun.percentile(sorted, 0.50), LoadRun.percentile(sorted, 0.99)),
        ops == 0 ? Double.NaN : cpu / 1e3 / ops);
  }

  /** CPU time of this process so far (all its threads). */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
