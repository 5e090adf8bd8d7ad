package io.swarmgrid.plugin.propagation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.StateUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Leaving out what a later update of the same batch replaces changes nothing a target is sent: the
 * same updates wait, and the same are counted offered and dropped.
 */
class SupersededTest {
  private static final NodeKeys KEYS = NodeKeys.generate();

  private static List<StateUpdate> batch(Random r) {
    List<StateUpdate> batch = new ArrayList<>();
    Map<String, Long> seqs = new HashMap<>();
    Map<String, Long> keyframes = new HashMap<>();
    int n = 1 + r.nextInt(40);
    for (int i = 0; i < n; i++) {
      String state = "s" + r.nextInt(3);
      long seq = seqs.merge(state, 1L, Long::sum);
      boolean keyframe = seq == 1 || r.nextInt(6) == 0;
      if (keyframe) {
        keyframes.put(state, seq);
      }
      Priority p = r.nextInt(5) == 0 ? Priority.EMERGENCY : Priority.NORMAL;
      batch.add(
          StateUpdate.signed(
              KEYS,
              state,
              "src",
              seq,
              0,
              p,
              keyframe,
              keyframes.get(state),
              List.of(new byte[] {(byte) seq})));
    }
    return batch;
  }

  private static Candidate<String> candidate(StateUpdate u, Priority targetClass, long at) {
    Priority p = u.priority() == Priority.EMERGENCY ? Priority.EMERGENCY : targetClass;
    return new Candidate<>(
        u.stateId(), u.seq(), u.keyframe(), p, p != Priority.EMERGENCY, 0, List.of(10), at, "");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void offeringOnlyWhatIsNotSuperseded_leavesTheSameWaiting_andTheSameCounts(long seed) {
    Random r = new Random(seed);
    List<StateUpdate> batch = batch(r);
    boolean[] superseded = Superseded.of(batch);
    for (Priority targetClass : List.of(Priority.HIGH, Priority.NORMAL, Priority.LOW)) {
      BudgetScheduler<String> all = new BudgetScheduler<>(() -> 0L, 0, t -> 0L);
      BudgetScheduler<String> some = new BudgetScheduler<>(() -> 0L, 0, t -> 0L);
      int replaced = 0;
      for (int i = 0; i < batch.size(); i++) {
        all.offer("t", candidate(batch.get(i), targetClass, i));
        if (superseded[i]) {
          replaced++;
        } else {
          some.offer("t", candidate(batch.get(i), targetClass, i));
        }
      }
      if (replaced > 0) {
        some.replacedInBatch("t", replaced);
      }
      List<String> sentAll = all.due().stream().map(SupersededTest::key).toList();
      List<String> sentSome = some.due().stream().map(SupersededTest::key).toList();
      assertThat(sentSome).as("seed %d, %s", seed, targetClass).isEqualTo(sentAll);
      assertThat(some.counts()).isEqualTo(all.counts());
    }
  }

  private static String key(Send<String> s) {
    return s.candidate().stateId() + "#" + s.candidate().seq();
  }
}
