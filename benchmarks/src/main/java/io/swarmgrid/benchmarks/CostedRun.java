package io.swarmgrid.benchmarks;

import io.swarmgrid.storage.runtime.SwarmThreads;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A {@link LoadRun} with what the members' Java threads spent on it: CPU per operation is what the
 * cluster pays for a call, which other processes competing for the cores change much less than they
 * change throughput.
 *
 * @param load throughput and latency
 * @param memberCpuMicrosPerOp CPU microseconds of the members' Java threads per operation (not the
 *     load threads' nor their client library's)
 */
record CostedRun(LoadRun.Result load, double memberCpuMicrosPerOp) {

  /**
   * {@link LoadRun#run}, with the members' CPU over the measured window (marked by a thread that
   * waits out the warm-up) per call made in it; {@code callerSide} tells the callers' threads by
   * name.
   */
  static CostedRun run(
      String name,
      int threads,
      double warmup,
      double seconds,
      Predicate<String> callerSide,
      LoadRun.Op op)
      throws InterruptedException {
    AtomicLong calls = new AtomicLong();
    AtomicReference<ThreadCpu.Snapshot> start = new AtomicReference<>();
    AtomicLong callsAtStart = new AtomicLong();
    Thread marker =
        SwarmThreads.start(
            "bench-cpu-mark",
            () -> {
              try {
                Thread.sleep((long) (warmup * 1000));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              callsAtStart.set(calls.get());
              start.set(ThreadCpu.now(callerSide));
            });
    LoadRun.Result load =
        LoadRun.run(
            name,
            threads,
            warmup,
            seconds,
            (t, i) -> {
              op.call(t, i);
              calls.incrementAndGet();
            });
    ThreadCpu.Snapshot end = ThreadCpu.now(callerSide);
    long made = calls.get();
    marker.join();
    ThreadCpu.Spent spent = ThreadCpu.between(start.get(), end);
    return new CostedRun(load, spent.memberNanos() / 1e3 / Math.max(1, made - callsAtStart.get()));
  }
}
