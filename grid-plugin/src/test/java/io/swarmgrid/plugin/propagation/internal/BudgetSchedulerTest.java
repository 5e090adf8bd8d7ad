package io.swarmgrid.plugin.propagation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.storage.messaging.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded property tests of the scheduler's decisions, on a simulated clock. */
class BudgetSchedulerTest {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000 * MS;
  private static final Priority[] CLASSES = Priority.values();

  private record Sent(long at, Send<String> send) {}

  private record Offered(String target, Candidate<String> candidate) {}

  /** One simulated run: offers for 5 s, then drains. */
  private static final class Run {
    final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    final Map<String, Long> budgets = new HashMap<>();
    final Map<String, Priority> classes = new HashMap<>();
    final List<Sent> sent = new ArrayList<>();
    final List<Offered> offered = new ArrayList<>();
    final List<List<Send<String>>> calls = new ArrayList<>();
    final BudgetScheduler<String> scheduler =
        new BudgetScheduler<>(clock::get, 50 * MS, t -> budgets.getOrDefault(t, 0L));

    Run(long seed) {
      Random r = new Random(seed);
      int targets = 5 + r.nextInt(20);
      for (int i = 0; i < targets; i++) {
        String t = "t" + i;
        // Budgets fit the lowest quality (at most 1,000 bytes) 11 times: always sendable.
        budgets.put(t, r.nextInt(4) == 0 ? 0L : 11_000L + r.nextInt(200_000));
      }
      int states = 1 + r.nextInt(5);
      Map<String, Long> seqs = new HashMap<>();
      Map<String, Long> keyframes = new HashMap<>();
      for (int s = 0; s < states; s++) {
        for (int i = 0; i < targets; i++) {
          classes.put("t" + i + "/s" + s, CLASSES[r.nextInt(CLASSES.length)]);
        }
      }
      for (int ms = 0; ms < 5_000; ms++) {
        if (r.nextInt(3) == 0) {
          String state = "s" + r.nextInt(states);
          long seq = seqs.merge(state, 1L, Long::sum);
          boolean keyframe = seq == 1 || r.nextInt(20) == 0;
          if (keyframe) {
            keyframes.put(state, seq);
          }
          int full = 1_000 + r.nextInt(3_000);
          List<Integer> sizes = List.of(full, full / 2, Math.min(1_000, full / 4));
          for (int i = 0; i < targets; i++) {
            String t = "t" + i;
            Priority p = classes.get(t + "/" + state);
            Candidate<String> c =
                new Candidate<>(
                    state,
                    seq,
                    keyframe,
                    p,
                    p != Priority.EMERGENCY,
                    p == Priority.LOW ? 2 : p == Priority.NORMAL ? 1 : 0,
                    sizes,
                    clock.get(),
                    state + "#" + seq);
            scheduler.offer(t, c);
            offered.add(new Offered(t, c));
          }
        }
        step();
        clock.addAndGet(MS);
      }
      for (int ms = 0; ms < 60_000 && scheduler.pending(); ms++) {
        step();
        clock.addAndGet(MS);
      }
    }

    void step() {
      List<Send<String>> due = scheduler.due();
      calls.add(due);
      due.forEach(s -> sent.add(new Sent(clock.get(), s)));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 17, 42, 1234, 99_991})
  void budgets_areNeverExceeded_overAnyOneSecondWindow(long seed) {
    Run run = new Run(seed);
    Map<String, List<Sent>> byTarget = new HashMap<>();
    run.sent.forEach(
        s -> byTarget.computeIfAbsent(s.send().target(), t -> new ArrayList<>()).add(s));
    byTarget.forEach(
        (target, sends) -> {
          long budget = run.budgets.get(target);
          if (budget == 0) {
            return;
          }
          for (int i = 0; i < sends.size(); i++) {
            long from = sends.get(i).at();
            long bytes = 0;
            for (int j = i; j < sends.size() && sends.get(j).at() < from + SECOND; j++) {
              bytes += sends.get(j).send().bytes();
            }
            assertThat(bytes)
                .as("bytes to %s in the 1 s from %d (seed %d)", target, from, seed)
                .isLessThanOrEqualTo(budget);
          }
        });
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 17, 42, 1234, 99_991})
  void keyframes_areNeverLost_andTheLatestUpdateAlwaysArrives_inOrder(long seed) {
    Run run = new Run(seed);
    assertThat(run.scheduler.pending()).as("drained").isFalse();
    Map<String, List<Candidate<String>>> sentPerStream = new HashMap<>();
    run.sent.forEach(
        s ->
            sentPerStream
                .computeIfAbsent(
                    s.send().target() + "/" + s.send().candidate().stateId(),
                    k -> new ArrayList<>())
                .add(s.send().candidate()));
    Map<String, List<Candidate<String>>> offeredPerStream = new HashMap<>();
    run.offered.forEach(
        o ->
            offeredPerStream
                .computeIfAbsent(o.target() + "/" + o.candidate().stateId(), k -> new ArrayList<>())
                .add(o.candidate()));
    offeredPerStream.forEach(
        (stream, offers) -> {
          List<Candidate<String>> got = sentPerStream.getOrDefault(stream, List.of());
          for (int i = 1; i < got.size(); i++) {
            assertThat(got.get(i).seq())
                .as("order of %s", stream)
                .isGreaterThan(got.get(i - 1).seq());
          }
          long lastSeq = offers.get(offers.size() - 1).seq();
          assertThat(got).as("latest of %s (seed %d)", stream, seed).isNotEmpty();
          assertThat(got.get(got.size() - 1).seq()).as("latest of %s", stream).isEqualTo(lastSeq);
          long lastSentKeyframe = 0;
          for (Candidate<String> c : got) {
            if (c.keyframe()) {
              lastSentKeyframe = c.seq();
            }
          }
          long lastKeyframe =
              offers.stream().filter(Candidate::keyframe).mapToLong(Candidate::seq).max().orElse(0);
          assertThat(lastSentKeyframe).as("latest keyframe of %s", stream).isEqualTo(lastKeyframe);
          // A keyframe not sent was replaced by a later keyframe that was.
          for (Candidate<String> k : offers) {
            if (k.keyframe() && got.stream().noneMatch(c -> c.seq() == k.seq())) {
              assertThat(got.stream().anyMatch(c -> c.keyframe() && c.seq() > k.seq()))
                  .as("keyframe %d of %s replaced", k.seq(), stream)
                  .isTrue();
            }
          }
        });
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 17, 42, 1234, 99_991})
  void urgentFirst_andOnlyWhatMayDegradeIsDegraded(long seed) {
    Run run = new Run(seed);
    for (List<Send<String>> call : run.calls) {
      Map<String, Priority> lastClass = new HashMap<>();
      for (Send<String> s : call) {
        Priority p = s.candidate().priority();
        Priority before = lastClass.put(s.target(), p);
        if (before != null) {
          assertThat(p.ordinal())
              .as("class order to %s", s.target())
              .isGreaterThanOrEqualTo(before.ordinal());
        }
        assertThat(s.quality()).isGreaterThanOrEqualTo(s.candidate().baseQuality());
        long budget = run.budgets.get(s.target());
        boolean fitsAtBase =
            budget == 0
                || s.candidate().sizes().get(s.candidate().baseQuality())
                    <= budget / TargetQueue.PERIODS_PER_WINDOW;
        if (p == Priority.EMERGENCY && fitsAtBase) {
          // Urgent updates go lower only when their quality could never fit the budget.
          assertThat(s.degraded()).as("urgent degraded (seed %d)", seed).isFalse();
        }
      }
    }
  }

  @Test
  void overBudget_backgroundIsDelayedThenDegradedThenDropped_urgentIsOnlyDelayed() {
    AtomicLong clock = new AtomicLong(0);
    BudgetScheduler<String> s = new BudgetScheduler<>(clock::get, 80 * MS, t -> 11_000L);
    List<Integer> sizes = List.of(1_000, 500, 100);
    // One period's share is 1,000 bytes: the first keyframe takes it all.
    s.offer("t", new Candidate<>("low", 1, true, Priority.LOW, true, 0, sizes, 0, "k1"));
    assertThat(s.due()).hasSize(1);
    s.offer("t", new Candidate<>("low", 2, false, Priority.LOW, true, 0, sizes, 0, "d2"));
    s.offer("t", new Candidate<>("low", 3, false, Priority.LOW, true, 0, sizes, 0, "d3"));
    assertThat(s.due()).as("delayed: over budget in this period").isEmpty();
    clock.set(110 * MS);
    s.offer("urgent", new Candidate<>("u", 1, true, Priority.EMERGENCY, false, 0, sizes, 0, "u1"));
    List<Send<String>> later = s.due();
    assertThat(later)
        .extracting(x -> x.candidate().payload())
        .containsExactlyInAnyOrder("d3", "u1");
    Send<String> d3 = later.stream().filter(x -> x.target().equals("t")).findFirst().orElseThrow();
    assertThat(d3.quality()).as("degraded after 80 ms").isEqualTo(1);
    TargetCounts counts = s.counts().get("t");
    assertThat(counts.dropped()).as("d2 replaced by d3").isEqualTo(1);
    assertThat(counts.degraded()).isEqualTo(1);
    assertThat(s.counts().get("urgent").degraded()).isZero();
  }

  @Test
  void duration_ofAPeriod_isATenthOfTheWindow() {
    assertThat(TargetQueue.PERIOD.multipliedBy(10)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void urgentUpdates_waitInOrder_andAreNotReplaced_backgroundOnesAre() {
    AtomicLong clock = new AtomicLong(0);
    BudgetScheduler<String> s = new BudgetScheduler<>(clock::get, 50 * MS, t -> 0L);
    List<Integer> sizes = List.of(100);
    s.offer("crit", new Candidate<>("w", 1, true, Priority.EMERGENCY, false, 0, sizes, 0, "k1"));
    s.offer("low", new Candidate<>("w", 1, true, Priority.LOW, true, 0, sizes, 0, "k1"));
    for (int seq = 2; seq <= 40; seq++) {
      s.offer(
          "crit", new Candidate<>("w", seq, false, Priority.EMERGENCY, false, 0, sizes, 0, "d"));
      s.offer("low", new Candidate<>("w", seq, false, Priority.LOW, true, 0, sizes, 0, "d"));
    }
    List<Send<String>> sent = s.due();
    assertThat(sent.stream().filter(x -> x.target().equals("crit")).map(x -> x.candidate().seq()))
        .hasSize(40)
        .isSorted();
    assertThat(sent.stream().filter(x -> x.target().equals("low")).map(x -> x.candidate().seq()))
        .containsExactly(1L, 40L);
    assertThat(s.counts().get("crit").dropped()).isZero();
    assertThat(s.counts().get("low").dropped()).isEqualTo(38);
  }

  @Test
  void aJoinersHeadKeyframe_offeredAfterANewerDeltaOfABatch_isStillSent_beforeIt() {
    // A node declares interest while a publish batch is being offered: the batch's delta (on the
    // head's keyframe) reaches its queue before the head does. Dropping the older keyframe left
    // the joiner a delta it could not apply (a bench run's late joiner held no state for 60 s).
    AtomicLong clock = new AtomicLong(0);
    BudgetScheduler<String> s = new BudgetScheduler<>(clock::get, 50 * MS, t -> 0L);
    List<Integer> sizes = List.of(1_000, 500);
    s.offer("late", new Candidate<>("w", 7, false, Priority.HIGH, true, 0, sizes, 0, "d7"));
    s.offer("late", new Candidate<>("w", 1, true, Priority.HIGH, true, 0, sizes, 0, "k1"));
    s.offer("late", new Candidate<>("w", 6, false, Priority.HIGH, true, 0, sizes, 0, "d6"));

    assertThat(s.due()).extracting(x -> x.candidate().payload()).containsExactly("k1", "d7");

    // A keyframe older than one that waits is not needed: the newer one is enough.
    s.offer("late", new Candidate<>("w", 101, true, Priority.HIGH, true, 0, sizes, 0, "k101"));
    s.offer("late", new Candidate<>("w", 1, true, Priority.HIGH, true, 0, sizes, 0, "k1"));
    assertThat(s.due()).extracting(x -> x.candidate().payload()).containsExactly("k101");
  }
}
