package io.swarmgrid.tasks.swarm.tsp;

import java.util.Arrays;

/**
 * The pheromone matrix of a MAX–MIN ant system: every τ within [τmin, τmax], τmax = 1/(ρ·L*) for
 * the best length L*, τmin set so that the best tour is built with probability pBest at
 * convergence.
 */
public final class MaxMinTrail {
  private final AcoParams params;
  private final double[][] tau;
  private double tauMax;
  private double tauMin;

  /** A trail with every τ at τmax for {@code bestLength}. */
  public MaxMinTrail(int size, AcoParams params, long bestLength) {
    this.params = params;
    this.tau = new double[size][size];
    updateBounds(bestLength);
    reset();
  }

  /** Recomputes τmax and τmin for a new best length. */
  public void updateBounds(long bestLength) {
    int n = tau.length;
    tauMax = 1.0 / (params.evaporation() * bestLength);
    double pDec = Math.pow(params.pBest(), 1.0 / n);
    double avg = Math.max(2.0, n / 2.0);
    tauMin = Math.min(tauMax, tauMax * (1 - pDec) / ((avg - 1) * pDec));
  }

  /** Every τ back to τmax: the re-initialisation on stagnation. */
  public void reset() {
    for (double[] row : tau) {
      Arrays.fill(row, tauMax);
    }
  }

  /** Evaporates every τ by ρ, deposits 1/L on the tour's edges, and bounds the result. */
  public void evaporateAndDeposit(int[] tour, long length) {
    double keep = 1 - params.evaporation();
    for (double[] row : tau) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= keep;
      }
    }
    double amount = 1.0 / length;
    for (int k = 0; k < tour.length; k++) {
      int i = tour[k];
      int j = tour[(k + 1) % tour.length];
      tau[i][j] += amount;
      tau[j][i] = tau[i][j];
    }
    for (double[] row : tau) {
      for (int j = 0; j < row.length; j++) {
        row[j] = Math.max(tauMin, Math.min(tauMax, row[j]));
      }
    }
  }

  /** Sets τ(i,j) = τ(j,i) to {@code value}, bounded; for trails read back from the grid. */
  public void set(int i, int j, double value) {
    tau[i][j] = Math.max(tauMin, Math.min(tauMax, value));
    tau[j][i] = tau[i][j];
  }

  /** τ(i,j). */
  public double tau(int i, int j) {
    return tau[i][j];
  }

  /** τmax. */
  public double tauMax() {
    return tauMax;
  }

  /** τmin. */
  public double tauMin() {
    return tauMin;
  }

  /** τ(i,j)^α·η(i,j)^β for every pair: what ants draw from in one iteration. */
  public double[][] choice(TourSpace space) {
    int n = tau.length;
    double[][] c = new double[n][n];
    boolean plain = params.alpha() == 1.0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double t = plain ? tau[i][j] : Math.pow(tau[i][j], params.alpha());
        c[i][j] = t * space.heuristic(i, j);
      }
    }
    return c;
  }
}
