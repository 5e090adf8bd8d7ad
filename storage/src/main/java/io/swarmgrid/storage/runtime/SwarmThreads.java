package io.swarmgrid.storage.runtime;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way SwarmGrid makes threads: named (so that a thread dump says whose they are), daemon
 * (so that a member or client that is not shut down cleanly does not keep the JVM alive), and with
 * an uncaught exception reported through {@link BackgroundFailures} under the thread's name prefix
 * instead of printed to standard error.
 */
public final class SwarmThreads {
  private SwarmThreads() {}

  /**
   * A factory of daemon threads named {@code name}, then {@code name-2}, {@code name-3}… when it
   * makes more than one.
   */
  public static ThreadFactory factory(String name) {
    AtomicInteger made = new AtomicInteger();
    return work -> {
      int n = made.incrementAndGet();
      return thread(n == 1 ? name : name + "-" + n, name, work);
    };
  }

  /** A started daemon thread named {@code name} running {@code work}. */
  public static Thread start(String name, Runnable work) {
    Thread t = thread(name, name, work);
    t.start();
    return t;
  }

  /** A single-threaded scheduler whose thread is named {@code name}. */
  public static ScheduledExecutorService scheduler(String name) {
    return Executors.newSingleThreadScheduledExecutor(factory(name));
  }

  /** A pool of {@code threads} threads named {@code name}, {@code name-2}… */
  public static ExecutorService pool(String name, int threads) {
    return Executors.newFixedThreadPool(threads, factory(name));
  }

  private static Thread thread(String name, String source, Runnable work) {
    Thread t = new Thread(work, name);
    t.setDaemon(true);
    t.setUncaughtExceptionHandler((thread, e) -> BackgroundFailures.report(source, e));
    return t;
  }
}
