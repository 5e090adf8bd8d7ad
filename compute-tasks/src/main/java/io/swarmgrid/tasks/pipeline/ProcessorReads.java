package io.swarmgrid.tasks.pipeline;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.jet.RestartableException;
import java.util.function.Supplier;

/**
 * Grid reads made by a Jet processor on its own member (a source's {@code fillBufferFn}, a
 * service's create function). When that member is shut down or killed while the job runs, the read
 * is refused with {@link HazelcastInstanceNotActiveException}. Jet fails a job on an exception from
 * user code unless it is a {@link RestartableException}, and the refusal can reach the job's master
 * before the member's departure does: the job would then fail where it should restart on the
 * members left. Reads wrapped here pass the refusal on as restartable; every other exception goes
 * through unchanged.
 */
public final class ProcessorReads {
  private ProcessorReads() {}

  /** Runs {@code read}, throwing a member's refusal as a {@link RestartableException}. */
  public static <T> T restartable(Supplier<T> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      throw asRestartable(e);
    }
  }

  /** {@link #restartable(Supplier)} for a read whose result goes elsewhere (a source's buffer). */
  public static void restartable(Runnable read) {
    try {
      read.run();
    } catch (RuntimeException e) {
      throw asRestartable(e);
    }
  }

  private static RuntimeException asRestartable(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HazelcastInstanceNotActiveException) {
        return new RestartableException("this member is going away: " + t.getMessage(), e);
      }
    }
    return e;
  }
}
