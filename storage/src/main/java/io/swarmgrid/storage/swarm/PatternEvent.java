package io.swarmgrid.storage.swarm;

import java.util.Locale;
import java.util.Objects;

/**
 * One pattern detected in a swarm, as kept in {@code swarm.patterns}.
 *
 * @param patternId {@code <swarm>:<kind>:<tick>}
 * @param swarm the population it was seen in (e.g. a colony id)
 * @param kind what was seen
 * @param effect beneficial or harmful
 * @param tick when (the swarm's own clock: samples or iterations)
 * @param evidence the numbers that show it, as {@code key=value} pairs
 * @param response what was done about it, or empty
 */
public record PatternEvent(
    String patternId,
    String swarm,
    PatternKind kind,
    PatternEffect effect,
    long tick,
    String evidence,
    String response) {

  /** Checks the required fields. */
  public PatternEvent {
    Objects.requireNonNull(swarm, "swarm");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(effect, "effect");
    patternId =
        patternId == null
            ? swarm + ":" + kind.name().toLowerCase(Locale.ROOT) + ":" + tick
            : patternId;
    evidence = evidence == null ? "" : evidence;
    response = response == null ? "" : response;
  }

  /** An event with its id made from swarm, kind and tick. */
  public static PatternEvent of(
      String swarm, PatternKind kind, PatternEffect effect, long tick, String evidence) {
    return new PatternEvent(null, swarm, kind, effect, tick, evidence, "");
  }

  /** A copy saying what was done about it. */
  public PatternEvent withResponse(String response) {
    return new PatternEvent(patternId, swarm, kind, effect, tick, evidence, response);
  }
}
