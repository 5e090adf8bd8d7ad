package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;

/**
 * The resources a node offers. Zero for {@code cpuCores} or {@code memoryMb} means "detect from
 * this JVM" when the node registers.
 *
 * @param cpuCores cores offered, 0..4096 (0 = detect)
 * @param memoryMb memory offered in MiB, 0..16777216 (0 = detect)
 * @param gpus GPUs offered, 0..1024
 */
public record Capacity(int cpuCores, long memoryMb, int gpus) {
  /** Detect cores and memory, no GPUs. */
  public static final Capacity DETECT = new Capacity(0, 0, 0);

  /** Validates every field. */
  public Capacity {
    range("cpu-cores", cpuCores, 0, 4096);
    range("memory-mb", memoryMb, 0, 16_777_216);
    range("gpus", gpus, 0, 1024);
  }

  /** This capacity with zero fields filled in from the running JVM. */
  public Capacity resolved() {
    Runtime rt = Runtime.getRuntime();
    return new Capacity(
        cpuCores == 0 ? rt.availableProcessors() : cpuCores,
        memoryMb == 0 ? Math.max(1, rt.maxMemory() / (1024 * 1024)) : memoryMb,
        gpus);
  }
}
