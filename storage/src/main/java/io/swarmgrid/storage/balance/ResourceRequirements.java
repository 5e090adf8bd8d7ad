package io.swarmgrid.storage.balance;

import java.util.List;

/**
 * What a task needs from its node.
 *
 * @param cpu CPU cores, 0..4096 (fractions allowed)
 * @param memoryMb memory in MiB, 0..16777216
 * @param gpus GPUs, 0..1024
 * @param capabilities named capabilities the node must offer (all of them)
 */
public record ResourceRequirements(double cpu, long memoryMb, int gpus, List<String> capabilities) {
  /** Nothing required. */
  public static final ResourceRequirements NONE = new ResourceRequirements(0, 0, 0, List.of());

  /**
   * Validates every field.
   *
   * @throws IllegalArgumentException naming the field and the value
   */
  public ResourceRequirements {
    if (!(cpu >= 0 && cpu <= 4096)) {
      throw new IllegalArgumentException("requirements.cpu: " + cpu + " is not within 0..4096");
    }
    if (memoryMb < 0 || memoryMb > 16_777_216L) {
      throw new IllegalArgumentException(
          "requirements.memoryMb: " + memoryMb + " is not within 0..16777216");
    }
    if (gpus < 0 || gpus > 1024) {
      throw new IllegalArgumentException("requirements.gpus: " + gpus + " is not within 0..1024");
    }
    capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    for (String c : capabilities) {
      if (c.isBlank() || c.length() > 128) {
        throw new IllegalArgumentException(
            "requirements.capabilities: '" + c + "' is blank or longer than 128");
      }
    }
  }
}
