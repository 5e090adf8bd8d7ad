package io.swarmgrid.plugin.propagation.internal;

import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.StateUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Offers the recorded updates of a publish batch to their targets' queues, within the publish call:
 * the source's next batch waits for it, which keeps a source from running ahead of the offers (a
 * bench run that answered first and offered on a thread of its own saw the offers fall 8.6 s behind
 * on a loaded machine, and urgent p99 grow with them). A batch's updates are encoded once per
 * quality ({@link Outgoing}) and shared by every target; a non-urgent target is offered only the
 * updates no later one of the batch replaces. The urgent lane goes first: every target that gets a
 * state's updates urgently is offered them before any bulk target, and the fan-out is told at once
 * ({@code urgentOffered}), so urgent deliveries leave while the bulk offers are still being made
 * (the bench's urgent updates waited behind 90 bulk targets' offers in every publish call).
 */
public final class BatchOffers {
  private final BudgetScheduler<Outgoing> scheduler;
  private final PropagationMetrics metrics;

  /** Offers into {@code scheduler}. */
  public BatchOffers(BudgetScheduler<Outgoing> scheduler, PropagationMetrics metrics) {
    this.scheduler = scheduler;
    this.metrics = metrics;
  }

  /**
   * Offers {@code accepted} (a batch's recorded updates, in order, ready to fan out) to {@code
   * targets} (per state: the interested nodes and their levels).
   */
  public void offer(
      List<Outgoing> accepted,
      Map<String, Map<String, InterestLevel>> targets,
      Runnable urgentOffered) {
    long start = System.nanoTime();
    offerNow(accepted, targets, urgentOffered);
    metrics.stage("offer", System.nanoTime() - start);
  }

  private void offerNow(
      List<Outgoing> accepted,
      Map<String, Map<String, InterestLevel>> all,
      Runnable urgentOffered) {
    List<StateUpdate> updates = accepted.stream().map(Outgoing::update).toList();
    boolean[] superseded = Superseded.of(updates);
    Map<String, List<Integer>> byState = new LinkedHashMap<>();
    for (int i = 0; i < updates.size(); i++) {
      byState.computeIfAbsent(updates.get(i).stateId(), id -> new ArrayList<>()).add(i);
    }
    Map<String, List<Outgoing>> outgoing = new LinkedHashMap<>();
    byState.forEach(
        (stateId, indices) -> outgoing.put(stateId, indices.stream().map(accepted::get).toList()));
    boolean anyUrgent = false;
    for (boolean urgentLane : new boolean[] {true, false}) {
      for (Map.Entry<String, List<Integer>> e : byState.entrySet()) {
        List<Integer> indices = e.getValue();
        List<Outgoing> out = outgoing.get(e.getKey());
        boolean urgentUpdates =
            indices.stream().anyMatch(i -> updates.get(i).priority() == Priority.EMERGENCY);
        for (Map.Entry<String, InterestLevel> t :
            all.getOrDefault(e.getKey(), Map.of()).entrySet()) {
          boolean urgentTarget = urgentUpdates || t.getValue().priority() == Priority.EMERGENCY;
          if (urgentTarget == urgentLane) {
            offerAll(t.getKey(), t.getValue(), indices, out, superseded);
            anyUrgent |= urgentLane;
          }
        }
      }
      if (urgentLane && anyUrgent) {
        urgentOffered.run();
      }
    }
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
}
