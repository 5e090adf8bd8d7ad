package io.swarmgrid.benchmarks;

import io.micrometer.core.instrument.MeterRegistry;
import io.swarmgrid.storage.messaging.Mailbox;
import io.swarmgrid.storage.messaging.Message;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.StateSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One subscriber of the propagation bench: applies what its inbox receives and keeps the receipt
 * time and size of each delivery, to check its budget over every 1 s window as received.
 */
final class BenchSubscriber {
  private record Receipt(long nanos, int bytes) {}

  final String id;
  final InterestLevel level;
  final long budget;
  final Mailbox mailbox;
  final StateSubscriber subscriber;
  private final List<Receipt> receipts = new ArrayList<>();

  BenchSubscriber(
      String id, InterestLevel level, long budget, Mailbox mailbox, MeterRegistry meters) {
    this.id = id;
    this.level = level;
    this.budget = budget;
    this.mailbox = mailbox;
    // One latency timer per interest level: subscribers of a level share it.
    this.subscriber = new StateSubscriber(meters, level.name().toLowerCase());
    mailbox.subscribe(this::onMessage);
  }

  private void onMessage(Message m) {
    if (subscriber.accept(m)) {
      if (budget > 0) {
        synchronized (receipts) {
          receipts.add(new Receipt(System.nanoTime(), m.payload().length));
        }
      }
    }
  }

  /** The 1 s windows (one starting at each receipt) in which more than the budget arrived. */
  long budgetViolations() {
    if (budget == 0) {
      return 0;
    }
    List<Receipt> all;
    synchronized (receipts) {
      all = List.copyOf(receipts);
    }
    long violations = 0;
    long bytes = 0;
    int end = 0;
    for (int start = 0; start < all.size(); start++) {
      long until = all.get(start).nanos() + TimeUnit.SECONDS.toNanos(1);
      while (end < all.size() && all.get(end).nanos() < until) {
        bytes += all.get(end).bytes();
        end++;
      }
      if (bytes > budget) {
        violations++;
      }
      bytes -= all.get(start).bytes();
    }
    return violations;
  }
}
