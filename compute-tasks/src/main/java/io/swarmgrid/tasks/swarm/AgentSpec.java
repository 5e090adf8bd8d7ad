package io.swarmgrid.tasks.swarm;

import java.util.List;

/**
 * What to add: an agent of a registered type, next to a data key.
 *
 * @param name unique with the data key; the agent id is {@code name@dataKey}
 * @param type the agent type, registered on members
 * @param dataKey the data key whose partition holds the agent; empty for the name's own
 * @param capabilities what it can do
 * @param memoryLimit bound on its memory
 * @param links ids of agents it knows
 * @param data its initial state, in its type's format
 */
public record AgentSpec(
    String name,
    String type,
    String dataKey,
    List<String> capabilities,
    int memoryLimit,
    List<String> links,
    String data) {

  /** Default bound on an agent's memory. */
  public static final int DEFAULT_MEMORY_LIMIT = 32;

  /** Copies the lists and checks the fields. */
  public AgentSpec {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("agent type: '" + type + "' is blank");
    }
    if (memoryLimit < 0 || memoryLimit > 10_000) {
      throw new IllegalArgumentException(
          "memoryLimit: " + memoryLimit + " is not allowed; allowed: 0 to 10000");
    }
    dataKey = dataKey == null ? "" : dataKey;
    capabilities = List.copyOf(capabilities);
    links = List.copyOf(links);
    data = data == null ? "" : data;
  }

  /** An agent {@code name} of {@code type}, no data key, default memory, no links. */
  public static AgentSpec of(String name, String type) {
    return new AgentSpec(name, type, "", List.of(), DEFAULT_MEMORY_LIMIT, List.of(), "");
  }

  /** A copy living next to {@code dataKey}. */
  public AgentSpec onData(String dataKey) {
    return new AgentSpec(name, type, dataKey, capabilities, memoryLimit, links, data);
  }

  /** A copy with initial state {@code data}. */
  public AgentSpec withData(String data) {
    return new AgentSpec(name, type, dataKey, capabilities, memoryLimit, links, data);
  }

  /** A copy with these capabilities. */
  public AgentSpec withCapabilities(List<String> capabilities) {
    return new AgentSpec(name, type, dataKey, capabilities, memoryLimit, links, data);
  }

  /** A copy with this memory bound. */
  public AgentSpec withMemoryLimit(int memoryLimit) {
    return new AgentSpec(name, type, dataKey, capabilities, memoryLimit, links, data);
  }

  /** A copy with these links. */
  public AgentSpec withLinks(List<String> links) {
    return new AgentSpec(name, type, dataKey, capabilities, memoryLimit, links, data);
  }
}
