package io.swarmgrid.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a region decides between a replicated update and the entry it already holds ({@code
 * swarmgrid.regions.maps.<map>.policy}).
 */
public enum ConflictPolicy {
  /**
   * Latest update wins: entries are ordered by their hybrid logical clock (the origin's update
   * time, raised past every version the origin had seen of that key), ties broken by origin region
   * name.
   */
  LATEST_UPDATE,
  /**
   * The higher per-key version wins (each local write adds one to the version it replaced); ties by
   * origin.
   */
  HIGHER_VERSION,
  /**
   * Every replicated update is applied as it arrives (one-way feeds; converges only without
   * concurrent writers).
   */
  PASS_THROUGH,
  /** A user class named by {@code merge-class} decides; it must be on every member's class path. */
  CUSTOM;

  /** The YAML name, e.g. {@code latest-update}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The policy with YAML name {@code key}, or an error naming {@code path} and the value. */
  public static ConflictPolicy parse(String path, String key) {
    for (ConflictPolicy p : values()) {
      if (p.key().equals(key == null ? null : key.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new SwarmConfigException(path, key, allowedNames());
  }

  /** The YAML names, comma separated. */
  public static String allowedNames() {
    return Arrays.stream(values()).map(ConflictPolicy::key).collect(Collectors.joining(", "));
  }
}
