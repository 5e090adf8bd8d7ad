package io.swarmgrid.config;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which engines this member runs. All are off by default; a member with all engines off still
 * registers itself and serves the grid maps.
 */
public record EnginesConfig(
    boolean consensus,
    boolean messaging,
    boolean fault,
    boolean balance,
    boolean swarm,
    boolean diffusion,
    boolean propagation,
    boolean region) {

  /** All engines off. */
  public static final EnginesConfig NONE =
      new EnginesConfig(false, false, false, false, false, false, false, false);

  /** The engines switched on. */
  public Set<EngineKind> enabled() {
    EnumSet<EngineKind> on = EnumSet.noneOf(EngineKind.class);
    for (EngineKind kind : EngineKind.values()) {
      if (isEnabled(kind)) {
        on.add(kind);
      }
    }
    return on;
  }

  /** Whether {@code kind} is switched on. */
  public boolean isEnabled(EngineKind kind) {
    return switch (kind) {
      case CONSENSUS -> consensus;
      case MESSAGING -> messaging;
      case FAULT -> fault;
      case BALANCE -> balance;
      case SWARM -> swarm;
      case DIFFUSION -> diffusion;
      case PROPAGATION -> propagation;
      case REGION -> region;
    };
  }

  /** Exactly the given engines on. */
  public static EnginesConfig of(Set<EngineKind> on) {
    return new EnginesConfig(
        on.contains(EngineKind.CONSENSUS),
        on.contains(EngineKind.MESSAGING),
        on.contains(EngineKind.FAULT),
        on.contains(EngineKind.BALANCE),
        on.contains(EngineKind.SWARM),
        on.contains(EngineKind.DIFFUSION),
        on.contains(EngineKind.PROPAGATION),
        on.contains(EngineKind.REGION));
  }
}
