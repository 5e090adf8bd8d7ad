package io.swarmgrid.tasks.workload;

import java.io.Serializable;
import java.util.List;

/**
 * A computation over records that splits into independent shares: each share is {@link #process}ed
 * on its own (by a diffusion node, a Jet processor or one thread) and the partial results are
 * {@link #merge}d in any order and grouping. So the same workload gives the same result run
 * single-threaded, as a Jet pipeline or by diffusion, and redundant copies of one share can be
 * compared with {@code equals}.
 *
 * <p>Implementations are stateless (their parameters are fixed at construction) and serializable,
 * so they travel with a task. Results are values: immutable, with value equality.
 *
 * @param <R> the result of a share and of the whole input
 */
public interface Workload<R extends Serializable> extends Serializable {

  /** The name users pick it by, as in {@link Workloads#byName}. */
  String name();

  /**
   * Cuts raw input text into records, the unit that is never split between shares. Lines by
   * default; a workload whose records span lines (documents) overrides this.
   */
  default List<String> records(String text) {
    return text.lines().toList();
  }

  /** The result of no records: the identity of {@link #merge}. */
  R empty();

  /** The result of one share of records. */
  R process(List<String> records);

  /** Combines two partial results. Associative and commutative, and neither argument is changed. */
  R merge(R left, R right);
}
