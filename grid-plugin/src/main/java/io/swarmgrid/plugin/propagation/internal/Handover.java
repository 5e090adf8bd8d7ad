package io.swarmgrid.plugin.propagation.internal;

import com.hazelcast.spi.exception.RetryableHazelcastException;

/**
 * The publish calls an engine is in, and the moment it stops taking them because its member is
 * shutting down. A call that comes after that moment is refused with a {@link
 * RetryableHazelcastException}, which the caller answers by publishing again once the state's
 * partition has a new owner ({@code PropagationCalls}); one already in is let finish, so that
 * everything the engine acknowledged is in its scheduler before the scheduler is drained.
 */
public final class Handover {
  private final String member;
  private int inProgress;
  private boolean leaving;

  /** The hand-over of the engine of {@code member} (named in refusals). */
  public Handover(String member) {
    this.member = member;
  }

  /**
   * Enters a call; pair with {@link #exit()} in a {@code finally}.
   *
   * @throws RetryableHazelcastException once the engine is leaving
   */
  public synchronized void enter() {
    if (leaving) {
      throw new RetryableHazelcastException(
          "member "
              + member
              + " is shutting down and hands its states over: publish again on the next owner");
    }
    inProgress++;
  }

  /** Leaves a call entered with {@link #enter()}. */
  public synchronized void exit() {
    inProgress--;
    if (inProgress == 0) {
      notifyAll();
    }
  }

  /**
   * Refuses calls from now on and waits until those in progress have finished, at most until {@code
   * deadlineNanos} ({@link System#nanoTime}); whether they all did.
   */
  public synchronized boolean leave(long deadlineNanos) throws InterruptedException {
    leaving = true;
    long left;
    while (inProgress > 0 && (left = deadlineNanos - System.nanoTime()) > 0) {
      wait(Math.max(1, left / 1_000_000));
    }
    return inProgress == 0;
  }
}
