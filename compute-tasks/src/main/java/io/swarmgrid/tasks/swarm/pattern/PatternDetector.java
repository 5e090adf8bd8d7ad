package io.swarmgrid.tasks.swarm.pattern;

import io.swarmgrid.ml.StateClusters;
import io.swarmgrid.storage.swarm.PatternEffect;
import io.swarmgrid.storage.swarm.PatternEvent;
import io.swarmgrid.storage.swarm.PatternKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a swarm's population sample by sample and calls the patterns it shows: convergence
 * (diversity falling; beneficial while the best improves, premature otherwise), stagnation (no
 * better best for a while; harmful), oscillation (the mean state swinging without a trend; harmful)
 * and clusters (k-means groups well apart; beneficial). A kind is called at most once per window.
 * Not thread-safe: one detector per swarm.
 */
public final class PatternDetector {
  private final String swarm;
  private final DetectorSettings settings;
  private final Deque<Summary> history = new ArrayDeque<>();
  private final Map<PatternKind, Long> lastCalled = new EnumMap<>(PatternKind.class);
  private double bestSeen = Double.POSITIVE_INFINITY;
  private long bestSince;
  private long samples;

  private record Summary(long tick, double best, double diversity, double mean) {}

  /** A detector of {@code swarm}'s patterns. */
  public PatternDetector(String swarm, DetectorSettings settings) {
    this.swarm = swarm;
    this.settings = settings;
  }

  /** Takes one sample; returns the patterns it completes (often none). */
  public List<PatternEvent> observe(PopulationSample sample) {
    samples++;
    if (sample.best() < bestSeen) {
      bestSeen = sample.best();
      bestSince = samples;
    }
    history.addLast(
        new Summary(
            sample.tick(), sample.best(), diversity(sample.states()), mean(sample.states())));
    while (history.size() > settings.window()) {
      history.removeFirst();
    }
    List<PatternEvent> found = new ArrayList<>();
    stagnation(sample.tick()).ifPresent(found::add);
    if (history.size() == settings.window()) {
      convergence(sample.tick()).ifPresent(found::add);
      oscillation(sample.tick()).ifPresent(found::add);
      clusters(sample).ifPresent(found::add);
    }
    return found;
  }

  private Optional<PatternEvent> stagnation(long tick) {
    long idle = samples - bestSince;
    if (idle < settings.stagnationSamples()) {
      return Optional.empty();
    }
    return call(
        PatternKind.STAGNATION,
        PatternEffect.HARMFUL,
        tick,
        String.format(Locale.ROOT, "best=%.6g unchanged_samples=%d", bestSeen, idle));
  }

  private Optional<PatternEvent> convergence(long tick) {
    Summary first = history.getFirst();
    Summary last = history.getLast();
    if (!(first.diversity() > 0)
        || last.diversity() > settings.convergenceRatio() * first.diversity()) {
      return Optional.empty();
    }
    boolean improving = last.best() < first.best();
    return call(
        PatternKind.CONVERGENCE,
        improving ? PatternEffect.BENEFICIAL : PatternEffect.HARMFUL,
        tick,
        String.format(
            Locale.ROOT,
            "diversity_from=%.6g diversity_to=%.6g best_from=%.6g best_to=%.6g samples=%d",
            first.diversity(),
            last.diversity(),
            first.best(),
            last.best(),
            history.size()));
  }

  private Optional<PatternEvent> oscillation(long tick) {
    List<Double> means = history.stream().map(Summary::mean).toList();
    int flips = 0;
    int lastSign = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < means.size(); i++) {
      min = Math.min(min, means.get(i));
      max = Math.max(max, means.get(i));
      if (i == 0) {
        continue;
      }
      double d = means.get(i) - means.get(i - 1);
      int sign = Math.abs(d) < 1e-9 * Math.max(1, Math.abs(means.get(i))) ? 0 : (d > 0 ? 1 : -1);
      if (sign != 0) {
        if (lastSign != 0 && sign != lastSign) {
          flips++;
        }
        lastSign = sign;
      }
    }
    double amplitude = max - min;
    double swing = 0;
    for (int i = 1; i < means.size(); i++) {
      swing += Math.abs(means.get(i) - means.get(i - 1));
    }
    swing /= means.size() - 1;
    double drift = Math.abs(means.get(means.size() - 1) - means.get(0)) / (means.size() - 1);
    // A swing must beat the drift (else it is a trend) and half the population's own spread (else
    // it is sampling noise).
    double spread = history.stream().mapToDouble(Summary::diversity).average().orElse(0);
    if (flips < settings.oscillationFlips() || swing <= 2 * drift || swing <= spread / 2) {
      return Optional.empty();
    }
    return call(
        PatternKind.OSCILLATION,
        PatternEffect.HARMFUL,
        tick,
        String.format(
            Locale.ROOT,
            "flips=%d amplitude=%.6g swing=%.6g drift=%.6g samples=%d",
            flips,
            amplitude,
            swing,
            drift,
            means.size()));
  }

  private Optional<PatternEvent> clusters(PopulationSample sample) {
    int k = settings.clusters();
    int n = sample.states().size();
    if (n < 5 * k || lastCalled.containsKey(PatternKind.CLUSTERS) && !due(PatternKind.CLUSTERS)) {
      return Optional.empty();
    }
    StateClusters.Clustering c = StateClusters.cluster(sample.states(), k, settings.seed());
    boolean everyGroupCounts = c.sizes().stream().allMatch(s -> s >= Math.max(2, n / 10));
    if (!everyGroupCounts || !(c.separation() > 4 * Math.max(c.spread(), 1e-12))) {
      return Optional.empty();
    }
    return call(
        PatternKind.CLUSTERS,
        PatternEffect.BENEFICIAL,
        sample.tick(),
        String.format(
            Locale.ROOT,
            "k=%d sizes=%s spread=%.6g separation=%.6g",
            k,
            c.sizes(),
            c.spread(),
            c.separation()));
  }

  private Optional<PatternEvent> call(
      PatternKind kind, PatternEffect effect, long tick, String evidence) {
    if (!due(kind)) {
      return Optional.empty();
    }
    lastCalled.put(kind, samples);
    return Optional.of(PatternEvent.of(swarm, kind, effect, tick, evidence));
  }

  private boolean due(PatternKind kind) {
    Long last = lastCalled.get(kind);
    return last == null || samples - last >= settings.window();
  }

  // Mean over dimensions of the population's standard deviation.
  static double diversity(List<double[]> states) {
    if (states.size() < 2) {
      return 0;
    }
    int dim = states.get(0).length;
    double total = 0;
    for (int d = 0; d < dim; d++) {
      double mean = 0;
      for (double[] s : states) {
        mean += s[d];
      }
      mean /= states.size();
      double var = 0;
      for (double[] s : states) {
        var += (s[d] - mean) * (s[d] - mean);
      }
      total += Math.sqrt(var / states.size());
    }
    return total / dim;
  }

  static double mean(List<double[]> states) {
    double sum = 0;
    long count = 0;
    for (double[] s : states) {
      for (double v : s) {
        sum += v;
        count++;
      }
    }
    return count == 0 ? 0 : sum / count;
  }
}
