package io.swarmgrid.client;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.tasks.swarm.pso.Objective;
import io.swarmgrid.tasks.swarm.pso.SwarmObjectiveType;

/**
 * A user objective registered on members as a service: the sphere moved to (3, 3, ...), over [-10,
 * 10] in every coordinate.
 */
public final class ShiftedSphere implements SwarmObjectiveType, Objective {
  /** Its name. */
  public static final String ID = "shifted-sphere";

  @Override
  public Objective create(HazelcastInstance member) {
    return new ShiftedSphere();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public double lower() {
    return -10;
  }

  @Override
  public double upper() {
    return 10;
  }

  @Override
  public double value(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += (v - 3) * (v - 3);
    }
    return sum;
  }
}
