package io.swarmgrid.tasks.swarm.pso;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The objectives a member can evaluate, by id: the standard {@link TestFunction}s always, and those
 * registered on it (a {@link ModelObjective} holds its data, so it lives on the member and only its
 * id travels in the swarm's record).
 */
public final class Objectives {
  private final Map<String, Objective> registered = new ConcurrentHashMap<>();

  /**
   * Registers {@code objective} under its id, replacing one of the same id.
   *
   * @throws IllegalArgumentException if the id is a test function's
   */
  public void register(Objective objective) {
    for (TestFunction f : TestFunction.values()) {
      if (f.id().equalsIgnoreCase(objective.id()) && f != objective) {
        throw new IllegalArgumentException(
            "objective: '" + objective.id() + "' is the name of a built-in test function");
      }
    }
    registered.put(objective.id(), objective);
  }

  /** The objective named {@code id} on this member, if it knows one. */
  public Optional<Objective> find(String id) {
    Objective o = registered.get(id);
    if (o != null) {
      return Optional.of(o);
    }
    for (TestFunction f : TestFunction.values()) {
      if (f.id().equalsIgnoreCase(String.valueOf(id))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Every id known here. */
  public Set<String> ids() {
    Set<String> ids = new TreeSet<>(registered.keySet());
    for (TestFunction f : TestFunction.values()) {
      ids.add(f.id());
    }
    return ids;
  }
}
