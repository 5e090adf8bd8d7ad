package io.swarmgrid.tasks.pipeline;

import com.hazelcast.jet.aggregate.AggregateOperation;
import com.hazelcast.jet.aggregate.AggregateOperation1;
import io.swarmgrid.tasks.workload.Workload;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A Jet {@link AggregateOperation1} made of a {@link Workload}: records are buffered, each full
 * buffer of {@link #BATCH} records is {@link Workload#process}ed into a partial result, and partial
 * results are {@link Workload#merge}d — when Jet combines the accumulators of its processors and
 * members (two-stage aggregation: a partial result on every member, combined on one). Because a
 * workload's merge is associative and commutative, the result is the one {@code
 * workload.process(all records)} gives.
 */
public final class WorkloadAggregation {
  /** Records processed at a time. */
  public static final int BATCH = 1_000;

  private WorkloadAggregation() {}

  /** The aggregation of {@code workload}. */
  public static <R extends Serializable> AggregateOperation1<String, Acc<R>, R> of(
      Workload<R> workload) {
    return AggregateOperation.withCreate(() -> new Acc<>(workload))
        .<String>andAccumulate(Acc::add)
        .andCombine(Acc::combine)
        .andExportFinish(Acc::result);
  }

  /**
   * The accumulator: a partial result and a bounded buffer of records not yet processed. Travels
   * between members by Java serialization.
   *
   * @param <R> the workload's result
   */
  public static final class Acc<R extends Serializable> implements Serializable {
    @Serial private static final long serialVersionUID = 1L;
    private final Workload<R> workload;
    private R partial;
    private ArrayList<String> buffer = new ArrayList<>();

    Acc(Workload<R> workload) {
      this.workload = workload;
      this.partial = workload.empty();
    }

    void add(String record) {
      buffer.add(record);
      if (buffer.size() >= BATCH) {
        flush();
      }
    }

    void combine(Acc<R> other) {
      flush();
      other.flush();
      partial = workload.merge(partial, other.partial);
    }

    R result() {
      flush();
      return partial;
    }

    private void flush() {
      if (!buffer.isEmpty()) {
        partial = workload.merge(partial, workload.process(List.copyOf(buffer)));
        buffer = new ArrayList<>();
      }
    }
  }
}
