package io.swarmgrid.plugin.diffusion.internal;

import io.swarmgrid.tasks.workload.Workload;
import io.swarmgrid.tasks.workload.Workloads;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The workloads tasks name, made once per member. */
final class WorkloadCache {
  private final Map<String, Workload<?>> workloads = new ConcurrentHashMap<>();

  @SuppressWarnings("unchecked")
  Workload<Serializable> get(String name) {
    return (Workload<Serializable>) workloads.computeIfAbsent(name, Workloads::byName);
  }
}
