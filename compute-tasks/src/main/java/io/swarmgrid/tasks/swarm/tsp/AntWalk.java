package io.swarmgrid.tasks.swarm.tsp;

import java.util.Random;

/**
 * One ant's tour construction: from a random city, the next city is drawn among the unvisited
 * candidates with probability proportional to τ^α·η^β; when every candidate is visited, the
 * unvisited city with the largest τ^α·η^β is taken.
 */
public final class AntWalk {
  private AntWalk() {}

  /**
   * A new tour.
   *
   * @param choice τ(i,j)^α·η(i,j)^β for every pair
   */
  public static int[] build(TourSpace space, double[][] choice, Random random) {
    int n = space.size();
    int[] tour = new int[n];
    boolean[] visited = new boolean[n];
    int current = random.nextInt(n);
    tour[0] = current;
    visited[current] = true;
    for (int k = 1; k < n; k++) {
      int next = pickCandidate(space.neighbours(current), choice[current], visited, random);
      if (next < 0) {
        next = bestUnvisited(choice[current], visited);
      }
      tour[k] = next;
      visited[next] = true;
      current = next;
    }
    return tour;
  }

  private static int pickCandidate(
      int[] candidates, double[] weights, boolean[] visited, Random random) {
    double total = 0;
    for (int c : candidates) {
      if (!visited[c]) {
        total += weights[c];
      }
    }
    if (total <= 0) {
      return -1;
    }
    double r = random.nextDouble() * total;
    int last = -1;
    for (int c : candidates) {
      if (!visited[c]) {
        last = c;
        r -= weights[c];
        if (r <= 0) {
          return c;
        }
      }
    }
    return last;
  }

  private static int bestUnvisited(double[] weights, boolean[] visited) {
    int best = -1;
    for (int j = 0; j < weights.length; j++) {
      if (!visited[j] && (best < 0 || weights[j] > weights[best])) {
        best = j;
      }
    }
    return best;
  }
}
