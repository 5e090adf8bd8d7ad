package io.swarmgrid.tasks.swarm.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.storage.swarm.PatternEffect;
import io.swarmgrid.storage.swarm.PatternEvent;
import io.swarmgrid.storage.swarm.PatternKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Patterns called on constructed populations (seeded), and none on a healthy one. */
class PatternDetectorTest {
  static final int AGENTS = 40;

  private static List<double[]> population(Random r, double centre, double spread) {
    List<double[]> states = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      states.add(
          new double[] {centre + r.nextGaussian() * spread, centre + r.nextGaussian() * spread});
    }
    return states;
  }

  private static List<PatternEvent> run(int samples, IntFunction<PopulationSample> sampleAt) {
    PatternDetector d = new PatternDetector("s", DetectorSettings.defaults());
    List<PatternEvent> all = new ArrayList<>();
    for (int t = 0; t < samples; t++) {
      all.addAll(d.observe(sampleAt.apply(t)));
    }
    return all;
  }

  private static List<PatternKind> kinds(List<PatternEvent> events) {
    return events.stream().map(PatternEvent::kind).distinct().toList();
  }

  @Test
  void convergingPopulation_isConvergence_beneficialWhileTheBestImproves() {
    Random r = new Random(1);
    List<PatternEvent> events =
        run(10, t -> new PopulationSample(t, 1000 - t, population(r, 50, 10 * Math.pow(0.7, t))));
    assertThat(kinds(events)).containsExactly(PatternKind.CONVERGENCE);
    PatternEvent e = events.get(0);
    assertThat(e.effect()).isEqualTo(PatternEffect.BENEFICIAL);
    assertThat(e.evidence()).contains("diversity_from=").contains("best_to=991");
    assertThat(e.patternId()).isEqualTo("s:convergence:9");
  }

  @Test
  void convergingWithoutImprovement_isPrematureConvergence_harmful() {
    Random r = new Random(2);
    List<PatternEvent> events =
        run(10, t -> new PopulationSample(t, 1000, population(r, 50, 10 * Math.pow(0.7, t))));
    assertThat(events)
        .filteredOn(e -> e.kind() == PatternKind.CONVERGENCE)
        .singleElement()
        .satisfies(e -> assertThat(e.effect()).isEqualTo(PatternEffect.HARMFUL));
  }

  @Test
  void stagnatingPopulation_isStagnation_harmful_onceInAWindow() {
    Random r = new Random(3);
    List<PatternEvent> events =
        run(25, t -> new PopulationSample(t, t < 3 ? 900 - t : 897, population(r, 50, 10)));
    assertThat(kinds(events)).containsExactly(PatternKind.STAGNATION);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).effect()).isEqualTo(PatternEffect.HARMFUL);
    assertThat(events.get(0).evidence()).contains("best=897").contains("unchanged_samples=20");
  }

  @Test
  void oscillatingPopulation_isOscillation_harmful() {
    Random r = new Random(4);
    List<PatternEvent> events =
        run(10, t -> new PopulationSample(t, 1000 - t, population(r, t % 2 == 0 ? 40 : 60, 1)));
    assertThat(kinds(events)).containsExactly(PatternKind.OSCILLATION);
    assertThat(events.get(0).effect()).isEqualTo(PatternEffect.HARMFUL);
    assertThat(events.get(0).evidence()).contains("flips=8");
  }

  @Test
  void twoGroups_areClusters_andOneGroupIsNot() {
    Random r = new Random(5);
    List<PatternEvent> split =
        run(
            10,
            t -> {
              List<double[]> s = new ArrayList<>(population(r, 0, 0.5).subList(0, 20));
              s.addAll(population(r, 10, 0.5).subList(0, 20));
              return new PopulationSample(t, 1000 - t, s);
            });
    assertThat(kinds(split)).containsExactly(PatternKind.CLUSTERS);
    assertThat(split.get(0).effect()).isEqualTo(PatternEffect.BENEFICIAL);
    assertThat(split.get(0).evidence()).contains("sizes=[20, 20]");
  }

  @Test
  void healthyPopulation_showsNoPattern() {
    Random r = new Random(6);
    assertThat(run(30, t -> new PopulationSample(t, 1000 - t, population(r, 50 + t, 10))))
        .isEmpty();
  }
}
