package io.swarmgrid.tasks.swarm.tsp;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * What ants and local search read about one instance, computed once: distances, nearest-neighbour
 * candidate lists and the heuristic η^β.
 */
public final class TourSpace {
  private final TspInstance instance;
  private final int[][] distances;
  private final int[][] neighbours;
  private final double[][] heuristic;

  /** Precomputes the matrices of {@code instance} for {@code params}. */
  public TourSpace(TspInstance instance, AcoParams params) {
    this.instance = instance;
    this.distances = instance.distances();
    int n = instance.dimension();
    int k = Math.min(params.candidates(), n - 1);
    this.neighbours = new int[n][];
    this.heuristic = new double[n][n];
    for (int i = 0; i < n; i++) {
      final int from = i;
      neighbours[i] =
          IntStream.range(0, n)
              .filter(j -> j != from)
              .boxed()
              .sorted(Comparator.comparingInt(j -> distances[from][j]))
              .limit(k)
              .mapToInt(Integer::intValue)
              .toArray();
      for (int j = 0; j < n; j++) {
        // A zero distance (duplicate cities) gets the heuristic of a distance of one half.
        double d = Math.max(distances[i][j], 0.5);
        heuristic[i][j] = i == j ? 0 : Math.pow(1.0 / d, params.beta());
      }
    }
  }

  /** The instance. */
  public TspInstance instance() {
    return instance;
  }

  /** Number of cities. */
  public int size() {
    return distances.length;
  }

  /** The TSPLIB distance between cities {@code i} and {@code j}. */
  public int distance(int i, int j) {
    return distances[i][j];
  }

  /** The nearest neighbours of {@code i}, closest first. */
  public int[] neighbours(int i) {
    return neighbours[i];
  }

  /** η(i,j)^β. */
  public double heuristic(int i, int j) {
    return heuristic[i][j];
  }

  /** The length of a closed tour. */
  public long length(int[] tour) {
    long length = 0;
    for (int k = 0; k < tour.length; k++) {
      length += distances[tour[k]][tour[(k + 1) % tour.length]];
    }
    return length;
  }

  /** The greedy nearest-neighbour tour from city 0: a first estimate of the best length. */
  public int[] nearestNeighbourTour() {
    int n = size();
    boolean[] visited = new boolean[n];
    int[] tour = new int[n];
    visited[0] = true;
    for (int k = 1; k < n; k++) {
      int from = tour[k - 1];
      int best = -1;
      for (int j = 0; j < n; j++) {
        if (!visited[j] && (best < 0 || distances[from][j] < distances[from][best])) {
          best = j;
        }
      }
      tour[k] = best;
      visited[best] = true;
    }
    return tour;
  }

  @Override
  public String toString() {
    return "TourSpace["
        + instance.name()
        + ", "
        + size()
        + " cities, candidates "
        + Arrays.stream(neighbours).mapToInt(a -> a.length).max().orElse(0)
        + "]";
  }
}
