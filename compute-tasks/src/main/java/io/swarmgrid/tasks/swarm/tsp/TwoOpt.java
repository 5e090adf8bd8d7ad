package io.swarmgrid.tasks.swarm.tsp;

import java.util.ArrayDeque;

/**
 * 2-opt local search with nearest-neighbour candidate lists and don't-look bits: for each city a
 * and each of its tour neighbours, try the candidates c closer to a than that neighbour, and apply
 * the first exchange that shortens the tour. Ends in a 2-opt local optimum (over the candidates).
 */
public final class TwoOpt {
  private TwoOpt() {}

  /** Improves {@code tour} in place; returns its new length. */
  public static long improve(TourSpace space, int[] tour) {
    int n = tour.length;
    int[] pos = new int[n];
    for (int i = 0; i < n; i++) {
      pos[tour[i]] = i;
    }
    boolean[] queued = new boolean[n];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c : tour) {
      queue.add(c);
      queued[c] = true;
    }
    while (!queue.isEmpty()) {
      int a = queue.poll();
      queued[a] = false;
      int[] changed = tryMoves(space, tour, pos, a);
      if (changed != null) {
        for (int c : changed) {
          if (!queued[c]) {
            queued[c] = true;
            queue.add(c);
          }
        }
      }
    }
    return space.length(tour);
  }

  // Returns the four end points of an applied exchange, or null when no exchange at a improves.
  private static int[] tryMoves(TourSpace space, int[] tour, int[] pos, int a) {
    int n = tour.length;
    int succA = tour[(pos[a] + 1) % n];
    int predA = tour[(pos[a] - 1 + n) % n];
    int dSucc = space.distance(a, succA);
    int dPred = space.distance(predA, a);
    for (int c : space.neighbours(a)) {
      int dac = space.distance(a, c);
      if (dac >= dSucc && dac >= dPred) {
        break;
      }
      if (dac < dSucc) {
        int succC = tour[(pos[c] + 1) % n];
        if (c != succA && succC != a) {
          int delta = dac + space.distance(succA, succC) - dSucc - space.distance(c, succC);
          if (delta < 0) {
            // (a, succA), (c, succC) become (a, c), (succA, succC).
            reverse(tour, pos, pos[succA], pos[c]);
            return new int[] {a, succA, c, succC};
          }
        }
      }
      if (dac < dPred) {
        int predC = tour[(pos[c] - 1 + n) % n];
        if (c != predA && predC != a) {
          int delta = dac + space.distance(predA, predC) - dPred - space.distance(predC, c);
          if (delta < 0) {
            // (predA, a), (predC, c) become (predA, predC), (a, c).
            reverse(tour, pos, pos[a], pos[predC]);
            return new int[] {a, predA, c, predC};
          }
        }
      }
    }
    return null;
  }

  // Reverses the tour between positions i and j (inclusive, going forward, wrapping); reverses the
  // complement instead when it is shorter (the same cyclic tour).
  static void reverse(int[] tour, int[] pos, int i, int j) {
    int n = tour.length;
    int len = ((j - i + n) % n) + 1;
    if (2 * len > n) {
      int ni = (j + 1) % n;
      int nj = (i - 1 + n) % n;
      i = ni;
      j = nj;
      len = n - len;
    }
    for (int s = 0; s < len / 2; s++) {
      int pi = (i + s) % n;
      int pj = (j - s + n) % n;
      int ci = tour[pi];
      int cj = tour[pj];
      tour[pi] = cj;
      pos[cj] = pi;
      tour[pj] = ci;
      pos[ci] = pj;
    }
  }
}
