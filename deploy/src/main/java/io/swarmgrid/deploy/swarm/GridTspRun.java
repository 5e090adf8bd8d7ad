package io.swarmgrid.deploy.swarm;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.storage.swarm.ColonyRecord;
import io.swarmgrid.tasks.swarm.aco.AcoColonies;
import io.swarmgrid.tasks.swarm.tsp.AcoParams;
import io.swarmgrid.tasks.swarm.tsp.AcoResult;
import io.swarmgrid.tasks.swarm.tsp.TspInstance;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one ant colony on a cluster whose members run the swarm engine, from a member or a client:
 * starts it, follows its best tour until the budget is spent (or the target length is reached),
 * then stops it and removes its ants, trail and record.
 */
public final class GridTspRun {
  private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

  private GridTspRun() {}

  /**
   * Runs the colony.
   *
   * @param problem the TSPLIB text of {@code instance}
   * @param target stop once the best is at or under this length; 0 to use the whole budget
   */
  public static AcoResult run(
      HazelcastInstance hz,
      TspInstance instance,
      String problem,
      AcoParams params,
      int ants,
      Duration budget,
      long target) {
    AcoColonies colonies = new AcoColonies(hz);
    String colonyId = instance.name() + "-" + UUID.randomUUID().toString().substring(0, 8);
    long start = System.nanoTime();
    long deadline = start + budget.toNanos();
    colonies.start(colonyId, problem, params, ants);
    double toTarget = -1;
    ColonyRecord last = colonies.get(colonyId).orElseThrow();
    try {
      while (System.nanoTime() < deadline) {
        last = colonies.get(colonyId).orElse(last);
        if (target > 0 && last.bestLength() <= target) {
          toTarget = (System.nanoTime() - start) / 1e9;
          break;
        }
        LockSupport.parkNanos(POLL_NANOS);
      }
      last = colonies.get(colonyId).orElse(last);
    } finally {
      colonies.stop(colonyId, ants);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int[] tour = last.bestTour();
    if (!instance.isValid(tour)) {
      throw new IllegalStateException(
          "colony " + colonyId + " ended with an invalid tour " + Arrays.toString(tour));
    }
    return new AcoResult(instance.name(), tour, instance.tourLength(tour), -1, seconds, toTarget);
  }
}
