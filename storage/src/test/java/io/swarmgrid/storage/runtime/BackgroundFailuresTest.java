package io.swarmgrid.storage.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClientNotActiveException;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Failures of background work are counted per source and never escape. */
class BackgroundFailuresTest {

  @Test
  void guardedWork_thatFails_isCountedAndDoesNotThrow() {
    String source = "test.guarded";
    Runnable failing =
        BackgroundFailures.guarded(
            source,
            () -> {
              throw new IllegalStateException("boom");
            });
    for (int i = 0; i < 5; i++) {
      failing.run();
    }
    assertThat(BackgroundFailures.count(source)).isEqualTo(5);
    assertThat(BackgroundFailures.count("test.never")).isZero();
  }

  /**
   * A timer that runs once more after its member shut down, or a sweep interrupted as its executor
   * stops, is being stopped, not failing: not counted (and not logged at WARN). A real failure
   * beside them still is.
   */
  @Test
  void work_thatIsBeingStopped_isNotAFailure() {
    String source = "test.stopping";
    BackgroundFailures.run(
        source,
        () -> {
          throw new HazelcastInstanceNotActiveException();
        });
    BackgroundFailures.run(
        source,
        () -> {
          throw new HazelcastClientNotActiveException("Client is not active.");
        });
    BackgroundFailures.run(
        source,
        () -> {
          // How Hazelcast reports an invocation interrupted by shutdownNow of the caller's
          // executor.
          throw new HazelcastException(new InterruptedException("QueryPartitionOperation"));
        });
    assertThat(BackgroundFailures.count(source)).isZero();

    BackgroundFailures.run(
        source,
        () -> {
          throw new HazelcastException("a real failure", new IllegalStateException("boom"));
        });
    assertThat(BackgroundFailures.count(source)).isEqualTo(1);
  }

  @Test
  void thread_withAnUncaughtException_isReportedUnderItsName() throws InterruptedException {
    Thread t =
        SwarmThreads.start(
            "test-uncaught",
            () -> {
              throw new IllegalArgumentException("uncaught");
            });
    t.join();
    assertThat(t.isDaemon()).isTrue();
    assertThat(BackgroundFailures.count("test-uncaught")).isEqualTo(1);
  }

  @Test
  void scheduler_threadIsANamedDaemon() throws InterruptedException {
    ScheduledExecutorService s = SwarmThreads.scheduler("test-scheduler");
    try {
      CountDownLatch ran = new CountDownLatch(1);
      Thread[] seen = new Thread[1];
      s.execute(
          () -> {
            seen[0] = Thread.currentThread();
            ran.countDown();
          });
      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(seen[0].getName()).isEqualTo("test-scheduler");
      assertThat(seen[0].isDaemon()).isTrue();
    } finally {
      s.shutdownNow();
    }
    await().atMost(Duration.ofSeconds(10)).until(s::isTerminated);
  }
}
