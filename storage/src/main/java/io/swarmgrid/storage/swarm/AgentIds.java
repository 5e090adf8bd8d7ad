package io.swarmgrid.storage.swarm;

import java.util.regex.Pattern;

/** Agent ids: {@code <name>} or {@code <name>@<dataKey>}. */
public final class AgentIds {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private AgentIds() {}

  /** The id of an agent called {@code name} living next to {@code dataKey} (empty for none). */
  public static String of(String name, String dataKey) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "agent name: '" + name + "' is not allowed; allowed: 1-128 of A-Z a-z 0-9 . _ : -");
    }
    return dataKey == null || dataKey.isEmpty() ? name : name + "@" + dataKey;
  }

  /** The data key in {@code agentId}, or empty. */
  public static String dataKey(String agentId) {
    int at = agentId.indexOf('@');
    return at < 0 ? "" : agentId.substring(at + 1);
  }

  /**
   * Checks an id.
   *
   * @throws IllegalArgumentException naming the field and value
   */
  public static String require(String agentId) {
    if (agentId == null || agentId.isBlank()) {
      throw new IllegalArgumentException(
          "agentId: " + (agentId == null ? "missing" : "'" + agentId + "' is blank"));
    }
    int at = agentId.indexOf('@');
    String name = at < 0 ? agentId : agentId.substring(0, at);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "agentId: '"
              + agentId
              + "' is not allowed; its name must be 1-128 of A-Z a-z 0-9 . _ : -");
    }
    return agentId;
  }
}
