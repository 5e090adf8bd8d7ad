package io.swarmgrid.storage.runtime;

import com.hazelcast.client.HazelcastClientNotActiveException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one policy for failures of background work (sweeps, timers, loops, listeners run off the
 * caller's thread): each failure is counted per source, and logged at WARN with its stack, at most
 * once per {@link #LOG_PERIOD} per source, the next line saying how many were not logged meanwhile.
 * A failing sweep that runs every 100 ms thus shows up, with its cause, without flooding the log.
 *
 * <p>A source is a short fixed name such as {@code "balance.sweep"}. Failures that only say the
 * work is being stopped are not failures: the Hazelcast instance it uses is no longer active (the
 * member or client shut down between two runs of a timer), or the work was interrupted (its
 * executor stopped under it). They are logged at DEBUG and not counted: at the end of every demo
 * and bench they were WARN lines with stacks, for a shutdown that went as it should.
 */
public final class BackgroundFailures {
  /** Per source, at most one WARN line per this period. */
  public static final Duration LOG_PERIOD = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundFailures.class);
  private static final RateLimiterConfig ONE_PER_PERIOD =
      RateLimiterConfig.custom()
          .limitForPeriod(1)
          .limitRefreshPeriod(LOG_PERIOD)
          .timeoutDuration(Duration.ZERO)
          .build();
  private static final Map<String, Source> SOURCES = new ConcurrentHashMap<>();

  private BackgroundFailures() {}

  /** Counts a failure of {@code source}, and logs it with its stack unless logged lately. */
  public static void report(String source, Throwable failure) {
    report(source, "", failure);
  }

  /**
   * As {@link #report(String, Throwable)}, the logged line also saying {@code detail} (which task,
   * node or message), when it is logged.
   */
  public static void report(String source, String detail, Throwable failure) {
    if (stopping(failure)) {
      LOG.debug("{} stopped{}: {}", source, detail.isEmpty() ? "" : " (" + detail + ")", failure);
      return;
    }
    Source s = SOURCES.computeIfAbsent(source, Source::new);
    s.total.incrementAndGet();
    if (s.limiter.acquirePermission()) {
      long quiet = s.unlogged.getAndSet(0);
      LOG.warn(
          "{} failed{}{}: {}",
          source,
          detail.isEmpty() ? "" : " (" + detail + ")",
          quiet == 0 ? "" : "; " + quiet + " more not logged in the last " + LOG_PERIOD,
          failure.toString(),
          failure);
    } else {
      s.unlogged.incrementAndGet();
    }
  }

  /** {@code work} wrapped so that a {@link RuntimeException} it throws is reported, not thrown. */
  public static Runnable guarded(String source, Runnable work) {
    return () -> run(source, work);
  }

  /** Runs {@code work}; a {@link RuntimeException} it throws is reported, not thrown. */
  public static void run(String source, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      report(source, e);
    }
  }

  /** Whether {@code failure} only says that the work is being stopped (see the class comment). */
  static boolean stopping(Throwable failure) {
    // A bounded walk: a chain of causes can loop.
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
      if (t instanceof HazelcastInstanceNotActiveException
          || t instanceof HazelcastClientNotActiveException
          || t instanceof InterruptedException) {
        return true;
      }
    }
    return false;
  }

  /** How many failures {@code source} has reported since this JVM started. */
  public static long count(String source) {
    Source s = SOURCES.get(source);
    return s == null ? 0 : s.total.get();
  }

  private static final class Source {
    final RateLimiter limiter;
    final AtomicLong total = new AtomicLong();
    final AtomicLong unlogged = new AtomicLong();

    Source(String name) {
      this.limiter = RateLimiter.of(name, ONE_PER_PERIOD);
    }
  }
}
