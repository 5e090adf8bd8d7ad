package io.swarmgrid.tasks.swarm;

import java.util.List;
import java.util.Optional;

/** What an agent sees and changes in one call; the changes are written back with the step. */
public interface AgentContext {
  /** The agent's id ({@code <name>@<dataKey>}). */
  String agentId();

  /** Its type. */
  String type();

  /** The data key it lives next to, or empty. */
  String dataKey();

  /** The tick being stepped (-1 outside a step). */
  long tick();

  /** Its capabilities. */
  List<String> capabilities();

  /** Its memory, oldest first (bounded: the oldest items are dropped). */
  List<String> memory();

  /** Appends to its memory. */
  void remember(String item);

  /** Ids of the agents it is linked to. */
  List<String> links();

  /** Links it to another agent (once). */
  void link(String agentId);

  /** Removes a link. */
  void unlink(String agentId);

  /** Its own state, in its type's format. */
  String data();

  /** Replaces its own state. */
  void data(String data);

  /**
   * A member-local object the member put in its {@link AgentHost} under {@code name} (for example a
   * snapshot of a pheromone trail read once per tick, or a collector of effects).
   */
  <T> Optional<T> local(String name, Class<T> type);
}
