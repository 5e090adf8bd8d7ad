package io.swarmgrid.storage.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An agent as kept in {@code swarm.agents}, on the partition of its data key.
 *
 * @param agentId {@code <name>@<dataKey>} or {@code <name>}
 * @param type the agent type, registered on members
 * @param capabilities what the agent can do (free-form names)
 * @param memory the agent's memory, oldest first, at most {@code memoryLimit} items
 * @param memoryLimit bound on {@code memory}; older items are dropped first
 * @param links ids of other agents it knows (social links)
 * @param data the agent's own state, in its type's format
 * @param status NEW, ACTIVE, PAUSED or FAILED
 * @param tick the last tick it was stepped in (the fence: a step for a tick at or below it is
 *     skipped); -1 before its first step
 * @param steps steps taken
 * @param work total work its steps reported
 * @param lastError why it failed, or empty
 * @param createdAt when it was added, epoch millis
 */
public record AgentState(
    String agentId,
    String type,
    List<String> capabilities,
    List<String> memory,
    int memoryLimit,
    List<String> links,
    String data,
    AgentStatus status,
    long tick,
    long steps,
    long work,
    String lastError,
    long createdAt) {

  /** Copies the lists and checks the bounds. */
  public AgentState {
    AgentIds.require(agentId);
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    if (memoryLimit < 0) {
      throw new IllegalArgumentException("memoryLimit: " + memoryLimit + " is negative");
    }
    capabilities = List.copyOf(capabilities);
    links = List.copyOf(links);
    memory =
        memory.size() <= memoryLimit
            ? List.copyOf(memory)
            : List.copyOf(memory.subList(memory.size() - memoryLimit, memory.size()));
    data = data == null ? "" : data;
    lastError = lastError == null ? "" : lastError;
  }

  /** A new agent, not yet stepped. */
  public static AgentState create(
      String agentId,
      String type,
      List<String> capabilities,
      int memoryLimit,
      List<String> links,
      String data,
      long now) {
    return new AgentState(
        agentId,
        type,
        capabilities,
        List.of(),
        memoryLimit,
        links,
        data,
        AgentStatus.NEW,
        -1,
        0,
        0,
        "",
        now);
  }

  /** The data key the agent lives next to, or empty. */
  public String dataKey() {
    return AgentIds.dataKey(agentId);
  }

  /** A copy after a step in {@code tick}. */
  public AgentState stepped(
      long tick, int workDone, List<String> memory, List<String> links, String data) {
    return new AgentState(
        agentId,
        type,
        capabilities,
        memory,
        memoryLimit,
        links,
        data,
        AgentStatus.ACTIVE,
        tick,
        steps + 1,
        work + Math.max(0, workDone),
        "",
        createdAt);
  }

  /** A copy with another status (and reason, for FAILED). */
  public AgentState withStatus(AgentStatus status, String reason) {
    return new AgentState(
        agentId,
        type,
        capabilities,
        memory,
        memoryLimit,
        links,
        data,
        status,
        tick,
        steps,
        work,
        reason,
        createdAt);
  }

  /** {@code memory} with {@code item} appended and the oldest dropped beyond the limit. */
  public static List<String> remember(List<String> memory, String item, int limit) {
    List<String> next = new ArrayList<>(memory);
    next.add(item);
    while (next.size() > limit) {
      next.remove(0);
    }
    return next;
  }
}
