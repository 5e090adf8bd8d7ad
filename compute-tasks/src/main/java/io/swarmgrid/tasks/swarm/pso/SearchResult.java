package io.swarmgrid.tasks.swarm.pso;

/**
 * The best point a search found.
 *
 * @param position its coordinates
 * @param value the objective there
 * @param evaluations objective evaluations spent
 */
public record SearchResult(double[] position, double value, long evaluations) {
  /** Copies the position. */
  public SearchResult {
    position = position.clone();
  }

  @Override
  public double[] position() {
    return position.clone();
  }
}
