package io.swarmgrid.storage.runtime;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a teardown step that may wait on other members (removing a map's entry listener waits for
 * every member's answer) on its own thread, and waits for it at most a bounded time. A member
 * terminating beside this one may never answer: a test cluster's teardown hung for good in CI on
 * such a removal. The member is leaving, so its registrations end with it anyway: try, but never
 * hold the member's shutdown longer than the limit.
 */
public final class BoundedTeardown {
  /** How long an engine's stop waits for one step of this kind. */
  public static final Duration LIMIT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(BoundedTeardown.class);

  private BoundedTeardown() {}

  /**
   * Runs {@code step} on a thread named {@code name} and waits at most {@link #LIMIT}; a failure of
   * the step is logged, not thrown (the member is stopping).
   *
   * @return whether the step finished in time
   */
  public static boolean run(String name, Runnable step) {
    return run(name, LIMIT, step);
  }

  /** As {@link #run(String, Runnable)}, waiting at most {@code limit}. */
  public static boolean run(String name, Duration limit, Runnable step) {
    Thread t =
        SwarmThreads.start(
            name,
            () -> {
              try {
                step.run();
              } catch (RuntimeException e) {
                LOG.debug("{} did not finish (member stopping): {}", name, e.toString());
              }
            });
    try {
      t.join(limit.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (t.isAlive()) {
      LOG.debug("{} still waiting after {}; the member stops without it", name, limit);
      return false;
    }
    return true;
  }
}
