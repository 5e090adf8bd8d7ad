package io.swarmgrid.tasks.workload;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Splits records into random shares, processes and merges them in random order. */
public final class Shares {
  private Shares() {}

  public static <R extends Serializable> R processInRandomShares(
      Workload<R> workload, List<String> records, Random random, int maxShare) {
    List<R> partials = new ArrayList<>();
    int i = 0;
    while (i < records.size()) {
      int n = 1 + random.nextInt(maxShare);
      partials.add(workload.process(records.subList(i, Math.min(records.size(), i + n))));
      i += n;
    }
    Collections.shuffle(partials, random);
    R merged = workload.empty();
    while (!partials.isEmpty()) {
      R next = partials.remove(partials.size() - 1);
      merged = random.nextBoolean() ? workload.merge(merged, next) : workload.merge(next, merged);
    }
    return merged;
  }
}
