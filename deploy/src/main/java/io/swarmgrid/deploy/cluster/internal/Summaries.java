package io.swarmgrid.deploy.cluster.internal;

import io.swarmgrid.tasks.workload.LogReport;
import io.swarmgrid.tasks.workload.SearchIndex;
import io.swarmgrid.tasks.workload.WordCounts;

/** One line about a workload's result. */
public final class Summaries {
  private Summaries() {}

  public static String of(Object result) {
    if (result instanceof WordCounts w) {
      return w.total() + " words, " + w.counts().size() + " distinct; top: " + w.top(5);
    }
    if (result instanceof LogReport r) {
      return r.lines()
          + " lines, levels "
          + new java.util.TreeMap<>(r.levels())
          + ", "
          + r.templates().size()
          + " templates, "
          + r.anomalousLines()
          + " anomalous lines";
    }
    if (result instanceof SearchIndex s) {
      return s.documents()
          + " documents indexed, average length "
          + String.format("%.1f", s.averageLength());
    }
    String text = String.valueOf(result);
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
