package io.swarmgrid.plugin.propagation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A state's publish calls are taken in the order their sources sent them. */
class PublishTurnsTest {
  @Test
  void aCallWaitsForTheOneBeforeIt_thenGoes() throws Exception {
    PublishTurns turns = new PublishTurns(id -> 0L, TimeUnit.SECONDS.toNanos(30));
    List<String> order = new CopyOnWriteArrayList<>();
    CompletableFuture<Boolean> second =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                boolean inTurn = turns.await("s", 5);
                order.add("second");
                return inTurn;
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    assertThat(turns.await("s", 0)).isTrue();
    order.add("first");
    turns.taken("s", 5);

    assertThat(second.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(order).containsExactly("first", "second");
  }

  @Test
  void aStateNotSeenYet_startsFromItsHead() throws Exception {
    PublishTurns turns = new PublishTurns(id -> 7L, TimeUnit.SECONDS.toNanos(30));

    assertThat(turns.await("taken-over", 7)).isTrue();
  }

  /**
   * The first call of a stream on this member (it follows no call) has written its head but not yet
   * offered its updates when the next call comes: the next waits for it, although the head already
   * says its seq (it used to start from the head and offer its updates first, so a target offered
   * later in the first call's loop dropped that call's update as older: a critical subscriber
   * applied 1, 3, 4, ... without 2).
   */
  @Test
  void aCallThatComesWhileTheFirstIsBeingTaken_waitsForIt_notForTheHead() throws Exception {
    AtomicLong head = new AtomicLong(1);
    PublishTurns turns = new PublishTurns(id -> head.get(), TimeUnit.SECONDS.toNanos(30));
    assertThat(turns.await("s", 0)).isTrue();
    head.set(2);
    CountDownLatch asked = new CountDownLatch(1);
    CompletableFuture<Boolean> next =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                asked.countDown();
                return turns.await("s", 2);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    asked.await();
    await().atMost(30, TimeUnit.SECONDS).until(() -> turns.waitingFor("s") == 1);
    assertThat(next).isNotDone();

    turns.taken("s", 2);

    assertThat(next.get(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aCallWhosePredecessorNeverComes_goesAfterTheBoundedWait() throws Exception {
    PublishTurns turns = new PublishTurns(id -> 0L, TimeUnit.MILLISECONDS.toNanos(50));

    assertThat(turns.await("s", 9)).isFalse();
    turns.taken("s", 12);
    assertThat(turns.await("s", 12)).isTrue();
  }

  @Test
  void anIdleStatesTurnIsLetGo_thenStartsFromItsHeadAgain() throws Exception {
    AtomicLong clock = new AtomicLong();
    AtomicLong head = new AtomicLong(4);
    PublishTurns turns =
        new PublishTurns(id -> head.get(), TimeUnit.MILLISECONDS.toNanos(50), clock::get);
    turns.taken("idle", 4);
    turns.taken("busy", 2);

    clock.addAndGet(PublishTurns.IDLE_NANOS / 2);
    turns.taken("busy", 3);
    clock.addAndGet(PublishTurns.IDLE_NANOS / 2 + 1);
    turns.forgetIdle();
    assertThat(turns.size()).isEqualTo(1);

    head.set(9);
    assertThat(turns.await("idle", 9)).isTrue();
    assertThat(turns.await("busy", 9)).isFalse();
  }

  @Test
  void aTurnSomeoneWaitsFor_isKept() throws Exception {
    AtomicLong clock = new AtomicLong();
    PublishTurns turns = new PublishTurns(id -> 0L, TimeUnit.SECONDS.toNanos(30), clock::get);
    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<Boolean> second =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                waiting.countDown();
                return turns.await("s", 5);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    waiting.await();
    await().until(() -> turns.size() == 1);
    clock.addAndGet(PublishTurns.IDLE_NANOS + 1);
    turns.forgetIdle();

    assertThat(turns.size()).isEqualTo(1);
    turns.taken("s", 5);
    assertThat(second.get(30, TimeUnit.SECONDS)).isTrue();
  }
}
