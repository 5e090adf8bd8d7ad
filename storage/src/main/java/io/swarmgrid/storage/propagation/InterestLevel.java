package io.swarmgrid.storage.propagation;

import io.swarmgrid.storage.messaging.Priority;
import java.util.Arrays;
import java.util.Locale;

/**
 * How much a node cares about a state, and so the delivery class and quality it gets. Stored in
 * {@code swarm.interests} as its {@link #weight()} (0..1), which that map already holds.
 */
public enum InterestLevel {
  /** Not interested: nothing is sent (declaring it withdraws the interest). */
  NONE(0.0, Priority.LOW),
  /** Background: the lowest quality, delayed and degraded first. */
  LOW(0.25, Priority.LOW),
  /** Normal traffic at a reduced quality. */
  MEDIUM(0.5, Priority.NORMAL),
  /** Full quality, ahead of normal traffic. */
  HIGH(0.75, Priority.HIGH),
  /** Urgent: every update at full quality, before anything else, never degraded. */
  CRITICAL(1.0, Priority.EMERGENCY);

  private final double weight;
  private final Priority priority;

  InterestLevel(double weight, Priority priority) {
    this.weight = weight;
    this.priority = priority;
  }

  /** The level as {@code swarm.interests} stores it, 0..1. */
  public double weight() {
    return weight;
  }

  /** The messaging class updates at this level travel in. */
  public Priority priority() {
    return priority;
  }

  /**
   * The quality level (0 = full) a target at this level gets of an update offered at {@code levels}
   * qualities: full for critical and high, the second for medium, the lowest for low.
   */
  public int baseQuality(int levels) {
    return switch (this) {
      case CRITICAL, HIGH, NONE -> 0;
      case MEDIUM -> Math.min(1, levels - 1);
      case LOW -> levels - 1;
    };
  }

  /** The level whose weight is nearest {@code weight} (a stored 0..1 value). */
  public static InterestLevel ofWeight(double weight) {
    InterestLevel best = NONE;
    for (InterestLevel l : values()) {
      if (Math.abs(l.weight - weight) < Math.abs(best.weight - weight)) {
        best = l;
      }
    }
    return best;
  }

  /**
   * The level named {@code name} (any case).
   *
   * @throws IllegalArgumentException naming the value and the known levels
   */
  public static InterestLevel parse(String name) {
    if (name != null) {
      for (InterestLevel l : values()) {
        if (l.name().equalsIgnoreCase(name.trim())) {
          return l;
        }
      }
    }
    throw new IllegalArgumentException(
        "level: '"
            + name
            + "' is not an interest level; use one of "
            + Arrays.stream(values()).map(l -> l.name().toLowerCase(Locale.ROOT)).toList());
  }
}
