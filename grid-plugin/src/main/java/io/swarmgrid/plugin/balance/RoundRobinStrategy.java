package io.swarmgrid.plugin.balance;

import io.swarmgrid.storage.balance.Task;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Round robin: the candidates take turns, whatever their size or load. */
public final class RoundRobinStrategy implements BalanceStrategy {
  private final AtomicLong next = new AtomicLong();

  @Override
  public String name() {
    return "round-robin";
  }

  @Override
  public double[] score(Task task, List<NodeView> candidates) {
    double[] s = new double[candidates.size()];
    java.util.Arrays.fill(s, 1.0);
    s[(int) Math.floorMod(next.getAndIncrement(), (long) candidates.size())] = 0;
    return s;
  }
}
