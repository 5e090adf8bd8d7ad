package io.swarmgrid.deploy.cluster.internal;

import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.balance.TaskWorker;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskRequest;
import io.swarmgrid.storage.balance.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Balance tasks submitted while a workload runs under chaos, run by a worker in this process (it is
 * not killed, the members holding the tasks are), so that the checker can tell afterwards whether
 * every acknowledged task ended DONE with its own result. A task may run twice (its member died and
 * it was re-queued), but the epoch lets only one completion count: re-runs are reported, not
 * violations.
 */
final class BalanceTraffic implements AutoCloseable {
  static final String TYPE = "checker-echo";
  static final int MAX_TASKS = 60;

  private final SwarmClient client;
  private final String run;
  private final Map<String, String> submitted = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();
  private TaskWorker worker;

  BalanceTraffic(SwarmClient client, String run) {
    this.client = client;
    this.run = run;
  }

  /** Starts the worker that runs the checker's tasks. */
  void start() {
    worker =
        client
            .balance()
            .startWorker(
                "checker-" + run + "-worker",
                Map.of(
                    TYPE,
                    ctx -> {
                      runs.computeIfAbsent(ctx.task().taskId(), k -> new AtomicInteger())
                          .incrementAndGet();
                      return expected(ctx.task().input());
                    }),
                4);
  }

  /** Whether it wants to submit more. */
  boolean wantsMore() {
    return submitted.size() < MAX_TASKS;
  }

  /** Submits one task; only a returned receipt makes it acknowledged. */
  void submitOne() {
    String input = "checker " + run + " task " + next.getAndIncrement();
    // Spread over data keys, so that the tasks sit on every member's partitions.
    String id =
        client
            .balance()
            .submit(TaskRequest.of(TYPE, 10).onData("checker-" + input).withInput(input))
            .taskId();
    submitted.put(id, input);
  }

  /**
   * Waits up to {@code timeout} for every acknowledged task to finish and checks each: DONE with
   * its own result. Adds one line per violation to {@code problems}.
   */
  Figures check(Duration timeout, List<String> problems) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int done = 0;
    List<String> bad = new ArrayList<>();
    for (Map.Entry<String, String> e : submitted.entrySet()) {
      Optional<Task> t = awaitFinished(client.balance()::status, e.getKey(), deadline);
      if (t.isEmpty()) {
        bad.add("task " + e.getKey() + " was acknowledged and is gone");
      } else if (t.get().state() != TaskState.DONE) {
        bad.add("task " + e.getKey() + " is " + t.get().state() + " " + t.get().reason());
      } else if (!expected(e.getValue()).equals(t.get().result())) {
        bad.add("task " + e.getKey() + " is DONE with another task's result: " + t.get().result());
      } else {
        done++;
      }
    }
    if (!bad.isEmpty()) {
      problems.add(bad.size() + " of " + submitted.size() + " tasks not DONE rightly, e.g. " + bad);
    }
    int rerun = (int) runs.values().stream().filter(n -> n.get() > 1).count();
    return new Figures(submitted.size(), done, rerun);
  }

  /**
   * Reads task {@code id} until it finished or {@code deadlineNanos} passed, and answers what was
   * read last. A task that is not found is read again too: right after a partition heals, a task
   * acknowledged by the smaller side is not found until Hazelcast has merged that side's entries
   * into the cluster, which can take seconds after the members see each other again.
   */
  static Optional<Task> awaitFinished(
      Function<String, Optional<Task>> status, String id, long deadlineNanos)
      throws InterruptedException {
    Optional<Task> t = status.apply(id);
    while ((t.isEmpty() || !t.get().state().finished()) && System.nanoTime() < deadlineNanos) {
      Thread.sleep(100);
      t = status.apply(id);
    }
    return t;
  }

  private static String expected(String input) {
    return "echo " + input;
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.close();
    }
  }

  /**
   * @param submitted tasks acknowledged
   * @param done of them, DONE with their own result
   * @param rerun tasks the worker ran more than once (re-queued after their member died)
   */
  record Figures(int submitted, int done, int rerun) {}
}
