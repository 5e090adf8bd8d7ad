package io.swarmgrid.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * CPU time of this JVM's Java threads, split between the callers' side (the load threads and their
 * client library, chosen by thread name) and the rest: the members. Benches that run members and
 * callers in one JVM on a shared machine read the members' CPU per operation from it, which other
 * processes competing for the cores do not change the way they change throughput. GC and JIT
 * threads are not Java threads and are not counted.
 */
final class ThreadCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * CPU time per thread at one moment.
   *
   * @param nanos CPU nanoseconds of each live thread, by id
   * @param callerSide the ids of the threads on the callers' side
   */
  record Snapshot(Map<Long, Long> nanos, Set<Long> callerSide) {}

  /**
   * CPU spent between two snapshots.
   *
   * @param callerNanos by the callers' side
   * @param memberNanos by every other Java thread
   */
  record Spent(long callerNanos, long memberNanos) {}

  private ThreadCpu() {}

  /** Every live thread's CPU time now; {@code callerSide} tells the callers' threads by name. */
  static Snapshot now(Predicate<String> callerSide) {
    Map<Long, Long> nanos = new HashMap<>();
    Set<Long> callers = new HashSet<>();
    long[] ids = THREADS.getAllThreadIds();
    ThreadInfo[] infos = THREADS.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long cpu = THREADS.getThreadCpuTime(ids[i]);
      if (cpu < 0 || infos[i] == null) {
        continue;
      }
      nanos.put(ids[i], cpu);
      if (callerSide.test(infos[i].getThreadName())) {
        callers.add(ids[i]);
      }
    }
    return new Snapshot(nanos, callers);
  }

  /**
   * What the threads alive at {@code end} spent since {@code start} (a thread born in between
   * counts from its birth; one that died in between is lost, which a few idle pool threads are).
   */
  static Spent between(Snapshot start, Snapshot end) {
    long callers = 0;
    long members = 0;
    for (Map.Entry<Long, Long> e : end.nanos().entrySet()) {
      long spent = e.getValue() - start.nanos().getOrDefault(e.getKey(), 0L);
      if (end.callerSide().contains(e.getKey())) {
        callers += spent;
      } else {
        members += spent;
      }
    }
    return new Spent(callers, members);
  }
}
