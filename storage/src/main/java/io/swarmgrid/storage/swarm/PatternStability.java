package io.swarmgrid.storage.swarm;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How stable a swarm has been, judged by the patterns detected in it: time is cut into windows of
 * {@code windowTicks} on the swarm's own clock (the ticks its patterns carry), from its first
 * pattern to its newest, and each window counts as harmful or beneficial if a pattern of that
 * effect was detected in it.
 *
 * @param swarm the swarm
 * @param patterns patterns counted
 * @param windows windows from the first pattern to the newest (at least 1)
 * @param harmfulWindowShare the share of those windows with a harmful pattern (0: stable)
 * @param beneficialWindowShare the share with a beneficial pattern
 * @param ticksSinceHarmful the newest pattern's tick minus the newest harmful one's; -1 when no
 *     pattern was harmful
 */
public record PatternStability(
    String swarm,
    int patterns,
    long windows,
    double harmfulWindowShare,
    double beneficialWindowShare,
    long ticksSinceHarmful) {

  /**
   * The stability of {@code swarm} from its {@code events}.
   *
   * @throws IllegalArgumentException if {@code windowTicks} is below 1
   */
  public static PatternStability of(
      String swarm, Collection<PatternEvent> events, long windowTicks) {
    if (windowTicks < 1) {
      throw new IllegalArgumentException("windowTicks: " + windowTicks + " is below 1");
    }
    List<PatternEvent> own = events.stream().filter(e -> e.swarm().equals(swarm)).toList();
    if (own.isEmpty()) {
      return new PatternStability(swarm, 0, 0, 0, 0, -1);
    }
    long first = own.stream().mapToLong(PatternEvent::tick).min().orElseThrow();
    long last = own.stream().mapToLong(PatternEvent::tick).max().orElseThrow();
    long windows = (last - first) / windowTicks + 1;
    Set<Long> harmful = new TreeSet<>();
    Set<Long> beneficial = new TreeSet<>();
    long lastHarmful = Long.MIN_VALUE;
    for (PatternEvent e : own) {
      long window = (e.tick() - first) / windowTicks;
      if (e.effect() == PatternEffect.HARMFUL) {
        harmful.add(window);
        lastHarmful = Math.max(lastHarmful, e.tick());
      } else {
        beneficial.add(window);
      }
    }
    return new PatternStability(
        swarm,
        own.size(),
        windows,
        (double) harmful.size() / windows,
        (double) beneficial.size() / windows,
        lastHarmful == Long.MIN_VALUE ? -1 : last - lastHarmful);
  }

  /** The stability of every swarm that has patterns in {@code events}, by swarm. */
  public static Map<String, PatternStability> bySwarm(
      Collection<PatternEvent> events, long windowTicks) {
    Set<String> swarms =
        events.stream().map(PatternEvent::swarm).collect(Collectors.toCollection(TreeSet::new));
    Map<String, PatternStability> out = new TreeMap<>();
    for (String s : swarms) {
      out.put(s, of(s, events, windowTicks));
    }
    return out;
  }
}
