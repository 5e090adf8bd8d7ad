package io.swarmgrid.deploy.demo;

import com.hazelcast.cp.IAtomicLong;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** 1,000 increments of a CP {@code IAtomicLong} from 4 threads: none lost, and the rate. */
final class CpCounterScenario implements Scenario {
  @Override
  public String title(DemoContext demo) {
    return "CP-backed counter (IAtomicLong through Raft)";
  }

  @Override
  public void run(DemoContext demo) throws Exception {
    PrintStream out = demo.out();
    SwarmClient client = demo.client();
    IAtomicLong counter = client.hazelcast().getCPSubsystem().getAtomicLong("demo.increments");
    long before = counter.get();
    int threads = 4;
    int perThread = 250;
    ExecutorService pool = SwarmThreads.pool("swarmgrid-demo-counter", threads);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  counter.incrementAndGet();
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        "%d threads x %d increments: counter %d -> %d (%s), %.0f increments/s through Raft%n",
        threads,
        perThread,
        before,
        counter.get(),
        counter.get() - before == (long) threads * perThread ? "none lost" : "LOST SOME",
        threads * perThread / seconds);
  }
}
