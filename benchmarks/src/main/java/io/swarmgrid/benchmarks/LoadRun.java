package io.swarmgrid.benchmarks;

import io.swarmgrid.storage.runtime.SwarmThreads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one operation from N threads for a fixed time and measures throughput and latency. Each
 * thread keeps its own latency samples (bounded), merged at the end.
 */
final class LoadRun {
  /** One call of the operation under test; {@code i} counts calls on this thread. */
  @FunctionalInterface
  interface Op {
    void call(int thread, long i) throws Exception;
  }

  /** Throughput and latency of one run. */
  record Result(String name, long ops, double seconds, double p50Millis, double p99Millis) {
    double opsPerSecond() {
      return ops / seconds;
    }
  }

  private static final int MAX_SAMPLES_PER_THREAD = 200_000;

  private LoadRun() {}

  static Result run(String name, int threads, double warmupSeconds, double seconds, Op op)
      throws InterruptedException {
    return run(name, threads, warmupSeconds, seconds, op, t -> System.nanoTime());
  }

  /**
   * When thread {@code t}'s next operation starts (it may wait for it); latency counts from there.
   */
  @FunctionalInterface
  interface Start {
    long nanos(int thread);
  }

  private static Result run(
      String name, int threads, double warmupSeconds, double seconds, Op op, Start startOf)
      throws InterruptedException {
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    long[] counts = new long[threads];
    List<long[]> samples = new ArrayList<>();
    int[] sampleCounts = new int[threads];
    CountDownLatch done = new CountDownLatch(threads);
    Throwable[] failure = new Throwable[1];
    for (int t = 0; t < threads; t++) {
      long[] mine = new long[MAX_SAMPLES_PER_THREAD];
      samples.add(mine);
      int thread = t;
      SwarmThreads.start(
          "bench-" + name + "-" + t,
          () -> {
            long i = 0;
            try {
              while (!stop.get()) {
                long start = startOf.nanos(thread);
                op.call(thread, i++);
                if (measuring.get()) {
                  long took = System.nanoTime() - start;
                  counts[thread]++;
                  int n = sampleCounts[thread];
                  mine[n < MAX_SAMPLES_PER_THREAD ? n : (int) (i % MAX_SAMPLES_PER_THREAD)] = took;
                  sampleCounts[thread] = Math.min(n + 1, MAX_SAMPLES_PER_THREAD);
                }
              }
            } catch (Throwable e) {
              failure[0] = e;
              stop.set(true);
            } finally {
              done.countDown();
            }
          });
    }
    Thread.sleep((long) (warmupSeconds * 1000));
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep((long) (seconds * 1000));
    measuring.set(false);
    double elapsed = (System.nanoTime() - start) / 1e9;
    stop.set(true);
    done.await();
    if (failure[0] != null) {
      throw new IllegalStateException("benchmark " + name + " failed", failure[0]);
    }
    long total = Arrays.stream(counts).sum();
    int n = Arrays.stream(sampleCounts).sum();
    long[] all = new long[n];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(samples.get(t), 0, all, at, sampleCounts[t]);
      at += sampleCounts[t];
    }
    Arrays.sort(all);
    return new Result(name, total, elapsed, percentile(all, 0.50), percentile(all, 0.99));
  }

  /**
   * Like {@link #run}, but the threads together start operations at {@code ratePerSecond} (open
   * loop): latency counts from each operation's scheduled start, so time spent queued behind a slow
   * operation counts too.
   */
  static Result paced(
      String name, int threads, double ratePerSecond, double warmupSeconds, double seconds, Op op)
      throws InterruptedException {
    long intervalNanos = (long) (1e9 * threads / ratePerSecond);
    long origin = System.nanoTime();
    long[] next = new long[threads];
    for (int t = 0; t < threads; t++) {
      next[t] = origin + t * intervalNanos / threads;
    }
    return run(
        name,
        threads,
        warmupSeconds,
        seconds,
        op,
        t -> {
          long scheduled = next[t];
          next[t] += intervalNanos;
          long wait = scheduled - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          return scheduled;
        });
  }

  static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
