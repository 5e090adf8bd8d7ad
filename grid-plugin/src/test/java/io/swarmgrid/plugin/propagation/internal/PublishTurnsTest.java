package io.swarmgrid.plugin.propagation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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

  @Test
  void aCallWhosePredecessorNeverComes_goesAfterTheBoundedWait() throws Exception {
    PublishTurns turns = new PublishTurns(id -> 0L, TimeUnit.MILLISECONDS.toNanos(50));

    assertThat(turns.await("s", 9)).isFalse();
    turns.taken("s", 12);
    assertThat(turns.await("s", 12)).isTrue();
  }
}
