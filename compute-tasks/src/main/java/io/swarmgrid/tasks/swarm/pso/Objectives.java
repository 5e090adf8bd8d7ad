package io.swarmgrid.tasks.swarm.pso;

import com.hazelcast.core.HazelcastInstance;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The objectives a member can evaluate, by id: those registered on it, the standard {@link
 * TestFunction}s, and on a member {@code model:<data set>} for any data set of the learning engine
 * ({@code swarm.learning.data}): a {@link ShardedModelObjective} holding out the last quarter of
 * each shard, evaluated next to the shards; {@code model:<data set>#<r>} averages each point over
 * the training seeds 1..r. Only the id travels in the swarm's record.
 */
public final class Objectives {
  /** The prefix of the model objectives over a data set in the grid. */
  public static final String MODEL_PREFIX = "model:";

  /** Between the data set and the training seeds per point: {@code model:<data set>#<r>}. */
  public static final String REPEATS_MARK = "#";

  /** The share of each shard a {@code model:} objective holds out to score. */
  public static final double MODEL_HELD_OUT = 0.25;

  private final Map<String, Objective> registered = new ConcurrentHashMap<>();
  private final HazelcastInstance member;

  /** Registered objectives and test functions only. */
  public Objectives() {
    this(null);
  }

  /** On {@code member}: also {@code model:<data set>}. */
  public Objectives(HazelcastInstance member) {
    this.member = member;
  }

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
    if (member != null
        && id != null
        && id.startsWith(MODEL_PREFIX)
        && id.length() > MODEL_PREFIX.length()) {
      return Optional.of(registered.computeIfAbsent(id, this::model));
    }
    return Optional.empty();
  }

  /**
   * The id of the model objective over {@code dataName} averaging {@code repeats} trainings per
   * point ({@code model:<data set>} for one).
   */
  public static String model(String dataName, int repeats) {
    return MODEL_PREFIX + dataName + (repeats == 1 ? "" : REPEATS_MARK + repeats);
  }

  private ShardedModelObjective model(String id) {
    return new ShardedModelObjective(
        member, id, modelDataName(id), MODEL_HELD_OUT, modelRepeats(id));
  }

  /** The data set a {@code model:<data set>[#<r>]} id trains on. */
  public static String modelDataName(String id) {
    String rest = id.substring(MODEL_PREFIX.length());
    int mark = rest.lastIndexOf(REPEATS_MARK);
    return mark < 0 ? rest : rest.substring(0, mark);
  }

  /**
   * The trainings per point of a {@code model:<data set>[#<r>]} id (1 without {@code #}).
   *
   * @throws IllegalArgumentException naming the id if the repeats are not a number
   */
  public static int modelRepeats(String id) {
    int mark = id.lastIndexOf(REPEATS_MARK);
    if (mark < MODEL_PREFIX.length()) {
      return 1;
    }
    try {
      return Integer.parseInt(id.substring(mark + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "objective: '" + id + "': the repeats after '#' are not a number", e);
    }
  }

  /** Every id known here ({@code model:<data set>} stands for the data sets in the grid). */
  public Set<String> ids() {
    Set<String> ids = new TreeSet<>(registered.keySet());
    for (TestFunction f : TestFunction.values()) {
      ids.add(f.id());
    }
    if (member != null) {
      ids.add(MODEL_PREFIX + "<data set>[#<repeats>]");
    }
    return ids;
  }
}
