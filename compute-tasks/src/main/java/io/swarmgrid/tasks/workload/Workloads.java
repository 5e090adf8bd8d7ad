package io.swarmgrid.tasks.workload;

import io.swarmgrid.tasks.workload.logs.LogTemplates;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The ready workloads by name, with their default parameters. */
public final class Workloads {
  private static final Map<String, Supplier<Workload<?>>> BY_NAME = new TreeMap<>();

  static {
    BY_NAME.put(WordCount.NAME, WordCount::new);
    BY_NAME.put(LogAnalysis.NAME, LogAnalysis::new);
    BY_NAME.put(Search.NAME, Search::new);
    BY_NAME.put(LogTemplates.NAME, LogTemplates::new);
  }

  private Workloads() {}

  /**
   * The workload called {@code name}.
   *
   * @throws IllegalArgumentException naming the value and the known names, if there is none
   */
  public static Workload<?> byName(String name) {
    Supplier<Workload<?>> workload = name == null ? null : BY_NAME.get(name);
    if (workload == null) {
      throw new IllegalArgumentException(
          "workload: unknown workload '" + name + "'; known: " + BY_NAME.keySet());
    }
    return workload.get();
  }

  /** The names {@link #byName} knows, sorted. */
  public static Set<String> names() {
    return Collections.unmodifiableSet(BY_NAME.keySet());
  }
}
