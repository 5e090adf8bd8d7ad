package io.swarmgrid.tasks.workload.logs;

import io.swarmgrid.tasks.workload.logs.internal.Drain;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Templates mined by Drain from the masked contents counted by {@link LogTemplates}: a function of
 * the set of distinct masked contents, so the same whatever the split into shares.
 */
public final class Templates {
  /** Drain's tree depth (one leading token), as the loghub benchmark runs it on most systems. */
  public static final int DEPTH = 4;

  /** Drain's similarity threshold, as the loghub benchmark runs it on most systems. */
  public static final double THRESHOLD = 0.5;

  /** Drain's most children per inner node. */
  public static final int MAX_CHILDREN = 100;

  private final Map<String, Template> byPattern;
  private final Map<Template, Long> counts;

  private Templates(Map<String, Template> byPattern, Map<Template, Long> counts) {
    this.byPattern = byPattern;
    this.counts = counts;
  }

  /**
   * Mines the templates of {@code patterns} (masked content to lines), as {@link LogTemplates}
   * counts them.
   */
  public static Templates mine(Map<String, Long> patterns) {
    Map<String, String> text =
        new Drain(DEPTH, THRESHOLD, MAX_CHILDREN).mine(new TreeSet<>(patterns.keySet()));
    Map<String, Template> interned = new HashMap<>();
    Map<String, Template> byPattern = new HashMap<>();
    Map<Template, Long> counts = new HashMap<>();
    text.forEach(
        (pattern, t) -> {
          Template template = interned.computeIfAbsent(t, Template::of);
          byPattern.put(pattern, template);
          counts.merge(template, patterns.get(pattern), Long::sum);
        });
    return new Templates(Map.copyOf(byPattern), Map.copyOf(counts));
  }

  /**
   * The template of a masked content ({@link LogTemplates#pattern}) that was mined, or {@code null}
   * if it was not among the input.
   */
  public Template of(String pattern) {
    return byPattern.get(pattern);
  }

  /** Lines per template. */
  public Map<Template, Long> counts() {
    return counts;
  }

  /** The templates, most lines first, ties by text. */
  public List<Template> all() {
    return counts.keySet().stream()
        .sorted(
            Comparator.<Template>comparingLong(t -> -counts.get(t)).thenComparing(Template::text))
        .toList();
  }
}
