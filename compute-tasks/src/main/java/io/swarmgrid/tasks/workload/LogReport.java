package io.swarmgrid.tasks.workload;

import java.io.Serializable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The result of {@link LogAnalysis}: a value (copied, unmodifiable).
 *
 * @param lines non-blank lines analysed
 * @param levels lines per level ({@code -} for formats without a level)
 * @param sources lines per source (component or process)
 * @param templates lines per template, as {@link LogAnalysis#template} makes them
 * @param samples for each template still rare, its smallest lines (string order), bounded
 */
public record LogReport(
    long lines,
    Map<String, Long> levels,
    Map<String, Long> sources,
    Map<String, Long> templates,
    Map<String, List<String>> samples)
    implements Serializable {

  /** Copies everything. */
  public LogReport {
    levels = Map.copyOf(levels);
    sources = Map.copyOf(sources);
    templates = Map.copyOf(templates);
    Map<String, List<String>> copy = new HashMap<>();
    samples.forEach((t, s) -> copy.put(t, List.copyOf(s)));
    samples = Map.copyOf(copy);
  }

  /** The rare templates (those with samples) and their counts. */
  public Map<String, Long> rareTemplates() {
    return samples.keySet().stream().collect(Collectors.toMap(t -> t, templates::get));
  }

  /** Number of anomalous lines in the window: the lines of all rare templates. */
  public long anomalousLines() {
    return samples.keySet().stream().mapToLong(templates::get).sum();
  }

  /** The distinct anomalous lines, sorted; every distinct anomalous line is listed. */
  public List<String> anomalies() {
    return samples.values().stream().flatMap(List::stream).sorted().toList();
  }

  /** The {@code n} most frequent templates, ties broken alphabetically. */
  public List<Map.Entry<String, Long>> topTemplates(int n) {
    return templates.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .toList();
  }
}
