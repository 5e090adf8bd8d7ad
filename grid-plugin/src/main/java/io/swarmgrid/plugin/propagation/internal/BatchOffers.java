package io.swarmgrid.plugin.propagation.internal;

import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.StateUpdate;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Offers the recorded updates of publish batches to their targets' queues, on one thread of its
 * own, batch after batch in the order they were recorded: the publish call answers its source once
 * the updates are checked and recorded, so the source's next batch is under way while this one is
 * encoded and offered (the offers were half of a publish call's time in the bench's profile). A
 * batch's updates are encoded once per quality ({@link Outgoing}) and shared by every target; a
 * non-urgent target is offered only the updates no later one of the batch replaces.
 */
public final class BatchOffers implements AutoCloseable {
  private final BudgetScheduler<Outgoing> scheduler;
  private final PropagationMetrics metrics;
  private final Runnable wake;
  private final ExecutorService thread;
  private final String name;

  /** Offers into {@code scheduler}, then runs {@code wake} (the fan-out's). */
  public BatchOffers(
      BudgetScheduler<Outgoing> scheduler, PropagationMetrics metrics, Runnable wake, String name) {
    this.scheduler = scheduler;
    this.metrics = metrics;
    this.wake = wake;
    this.name = name;
    this.thread = SwarmThreads.pool(name, 1);
  }

  /**
   * Offers {@code accepted} (a batch's recorded updates, in order) to {@code targets} (per state:
   * the interested nodes and their levels), after the batches given before.
   */
  public void offer(List<StateUpdate> accepted, Map<String, Map<String, InterestLevel>> targets) {
    long queued = System.nanoTime();
    thread.execute(
        BackgroundFailures.guarded(
            name,
            () -> {
              offerNow(accepted, targets);
              metrics.stage("offer", System.nanoTime() - queued);
              wake.run();
            }));
  }

  private void offerNow(List<StateUpdate> accepted, Map<String, Map<String, InterestLevel>> all) {
    boolean[] superseded = Superseded.of(accepted);
    Map<String, List<Integer>> byState = new LinkedHashMap<>();
    for (int i = 0; i < accepted.size(); i++) {
      byState.computeIfAbsent(accepted.get(i).stateId(), id -> new ArrayList<>()).add(i);
    }
    byState.forEach(
        (stateId, indices) -> {
          List<Outgoing> out = indices.stream().map(i -> Outgoing.of(accepted.get(i))).toList();
          all.getOrDefault(stateId, Map.of())
              .forEach((target, level) -> offerAll(target, level, indices, out, superseded));
        });
  }

  /** Offers a batch's updates of one state to {@code target}, less those the batch replaces. */
  private void offerAll(
      String target,
      InterestLevel level,
      List<Integer> indices,
      List<Outgoing> out,
      boolean[] superseded) {
    boolean urgentTarget = level.priority() == Priority.EMERGENCY;
    int replaced = 0;
    for (int k = 0; k < indices.size(); k++) {
      if (!urgentTarget && superseded[indices.get(k)]) {
        replaced++;
      } else {
        scheduler.offer(target, out.get(k).candidate(level, scheduler.now()));
      }
    }
    if (replaced > 0) {
      scheduler.replacedInBatch(target, replaced);
      metrics.dropped(out.get(0).update().stateId(), replaced);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
