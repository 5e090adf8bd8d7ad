package io.swarmgrid.tasks.swarm.tsp;

import java.util.List;

/**
 * A symmetric TSPLIB instance with node coordinates.
 *
 * @param name the instance's {@code NAME}
 * @param comment its {@code COMMENT}, or empty
 * @param type its {@code EDGE_WEIGHT_TYPE}
 * @param cities the nodes in file order (ids 1..n)
 */
public record TspInstance(String name, String comment, EdgeWeightType type, List<City> cities) {
  /** Copies the list. */
  public TspInstance {
    cities = List.copyOf(cities);
  }

  /** Number of cities. */
  public int dimension() {
    return cities.size();
  }

  /** The distance between cities at indices {@code i} and {@code j} (0-based). */
  public int distance(int i, int j) {
    return type.distance(cities.get(i), cities.get(j));
  }

  /** All distances, by 0-based index. */
  public int[][] distances() {
    int n = dimension();
    int[][] d = new int[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        d[i][j] = distance(i, j);
        d[j][i] = d[i][j];
      }
    }
    return d;
  }

  /**
   * The length of a closed tour given as 0-based city indices.
   *
   * @throws IllegalArgumentException if the tour does not visit every city exactly once
   */
  public long tourLength(int[] tour) {
    requireValid(tour);
    long length = 0;
    for (int k = 0; k < tour.length; k++) {
      length += distance(tour[k], tour[(k + 1) % tour.length]);
    }
    return length;
  }

  /** Whether {@code tour} visits every city exactly once. */
  public boolean isValid(int[] tour) {
    if (tour.length != dimension()) {
      return false;
    }
    boolean[] seen = new boolean[tour.length];
    for (int c : tour) {
      if (c < 0 || c >= seen.length || seen[c]) {
        return false;
      }
      seen[c] = true;
    }
    return true;
  }

  private void requireValid(int[] tour) {
    if (!isValid(tour)) {
      throw new IllegalArgumentException(
          "tour of "
              + tour.length
              + " cities is not a permutation of the "
              + dimension()
              + " cities of "
              + name);
    }
  }
}
