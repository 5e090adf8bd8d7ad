package io.swarmgrid.storage.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A teardown step that never returns does not hold the caller; one that fails is not thrown. */
class BoundedTeardownTest {
  @Test
  void stepThatNeverReturns_isLeftBehind() {
    CountDownLatch never = new CountDownLatch(1);
    boolean finished =
        BoundedTeardown.run(
            "test-stuck",
            Duration.ofMillis(50),
            () -> {
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    assertThat(finished).isFalse();
    never.countDown();
  }

  @Test
  void stepThatFinishes_isWaitedFor() {
    AtomicBoolean ran = new AtomicBoolean();
    assertThat(BoundedTeardown.run("test-quick", () -> ran.set(true))).isTrue();
    assertThat(ran).isTrue();
  }

  @Test
  void stepThatFails_isLoggedNotThrown() {
    assertThat(
            BoundedTeardown.run(
                "test-failing",
                () -> {
                  throw new IllegalStateException("member stopping");
                }))
        .isTrue();
  }
}
