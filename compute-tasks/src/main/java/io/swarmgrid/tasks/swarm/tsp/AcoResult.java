package io.swarmgrid.tasks.swarm.tsp;

/**
 * The outcome of an ant-colony run.
 *
 * @param name the instance's name
 * @param tour the best tour, 0-based city indices
 * @param length its TSPLIB length
 * @param iterations colony iterations run
 * @param seconds wall-clock seconds of the run
 * @param secondsToTarget seconds until a tour at or under the target length was first found; -1 if
 *     never or no target was set
 */
public record AcoResult(
    String name, int[] tour, long length, long iterations, double seconds, double secondsToTarget) {

  /** {@code TOUR <name> length=<L> seconds=<s>}: the line the {@code swarm tsp} command prints. */
  public String line() {
    return String.format(
        java.util.Locale.ROOT, "TOUR %s length=%d seconds=%.1f", name, length, seconds);
  }

  /** length / optimum − 1. */
  public double gap(long optimum) {
    return (double) length / optimum - 1;
  }
}
