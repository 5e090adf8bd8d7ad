package io.swarmgrid.plugin.balance;

import io.swarmgrid.storage.balance.Task;
import java.util.List;

/**
 * Resource aware: only nodes with the task's CPU, memory and GPUs free now are candidates, and the
 * one left with the most headroom after placing it wins (its highest utilization of CPU, memory and
 * GPU after the placement is the lowest). Every held task counts as at least one core.
 */
public final class ResourceAwareStrategy implements BalanceStrategy {
  @Override
  public String name() {
    return "resource-aware";
  }

  @Override
  public boolean needsFreeResources() {
    return true;
  }

  @Override
  public double[] score(Task task, List<NodeView> candidates) {
    double[] s = new double[candidates.size()];
    for (int i = 0; i < s.length; i++) {
      NodeView n = candidates.get(i);
      // A task that names no CPU still occupies a slot: count every held task as at least one core.
      double cpu =
          (Math.max(n.usedCpu(), n.held()) + Math.max(task.requirements().cpu(), 1.0))
              / n.cpuCores();
      double mem =
          n.memoryMb() == 0
              ? 0
              : (double) (n.usedMemoryMb() + task.requirements().memoryMb()) / n.memoryMb();
      double gpu =
          n.gpus() == 0 ? 0 : (double) (n.usedGpus() + task.requirements().gpus()) / n.gpus();
      s[i] = Math.min(1, Math.max(cpu, Math.max(mem, gpu)));
    }
    return s;
  }
}
