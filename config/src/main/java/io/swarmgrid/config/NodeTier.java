package io.swarmgrid.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where a node sits in the fleet. Written in YAML as {@code edge}, {@code edge-server} or {@code
 * cloud}.
 */
public enum NodeTier {
  /** A device at the edge: a phone, a sensor, a small board. */
  EDGE("edge"),
  /** A server near the edge devices that it serves. */
  EDGE_SERVER("edge-server"),
  /** A machine in a data centre. */
  CLOUD("cloud");

  private final String yamlName;

  NodeTier(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The name used in YAML and in the grid. */
  @JsonValue
  public String yamlName() {
    return yamlName;
  }

  /** Parses a YAML name, with an error naming {@code key} and the allowed names. */
  public static NodeTier parse(String key, String name) {
    for (NodeTier tier : values()) {
      if (tier.yamlName.equals(name)) {
        return tier;
      }
    }
    throw new SwarmConfigException(key, name, allowedNames());
  }

  /** The allowed names, comma-separated. */
  public static String allowedNames() {
    return Arrays.stream(values()).map(NodeTier::yamlName).collect(Collectors.joining(", "));
  }
}
