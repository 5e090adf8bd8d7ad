package io.swarmgrid.config;

import java.util.EnumSet;
import java.util.Objects;
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
    boolean region,
    boolean monitoring,
    boolean learning) {

  /** All engines off. */
  public static final EnginesConfig NONE =
      new EnginesConfig(false, false, false, false, false, false, false, false, false, false);

  /** The defaults: all engines off (the same as {@link #NONE}). */
  public static final EnginesConfig DEFAULTS = NONE;

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
      case MONITORING -> monitoring;
      case LEARNING -> learning;
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
        on.contains(EngineKind.REGION),
        on.contains(EngineKind.MONITORING),
        on.contains(EngineKind.LEARNING));
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from {@code base}. */
  public static Builder from(EnginesConfig base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  /** The defaults (the same as {@link #DEFAULTS}). */
  public static EnginesConfig ofDefaults() {
    return DEFAULTS;
  }

  /** Builds an {@link EnginesConfig}. */
  public static final class Builder {
    private boolean consensus;
    private boolean messaging;
    private boolean fault;
    private boolean balance;
    private boolean swarm;
    private boolean diffusion;
    private boolean propagation;
    private boolean region;
    private boolean monitoring;
    private boolean learning;

    private Builder(EnginesConfig c) {
      consensus = c.consensus;
      messaging = c.messaging;
      fault = c.fault;
      balance = c.balance;
      swarm = c.swarm;
      diffusion = c.diffusion;
      propagation = c.propagation;
      region = c.region;
      monitoring = c.monitoring;
      learning = c.learning;
    }

    /** Consensus. */
    public Builder consensus(boolean consensus) {
      this.consensus = consensus;
      return this;
    }

    /** Messaging. */
    public Builder messaging(boolean messaging) {
      this.messaging = messaging;
      return this;
    }

    /** Fault. */
    public Builder fault(boolean fault) {
      this.fault = fault;
      return this;
    }

    /** Balance. */
    public Builder balance(boolean balance) {
      this.balance = balance;
      return this;
    }

    /** Swarm. */
    public Builder swarm(boolean swarm) {
      this.swarm = swarm;
      return this;
    }

    /** Diffusion. */
    public Builder diffusion(boolean diffusion) {
      this.diffusion = diffusion;
      return this;
    }

    /** Propagation. */
    public Builder propagation(boolean propagation) {
      this.propagation = propagation;
      return this;
    }

    /** Region. */
    public Builder region(boolean region) {
      this.region = region;
      return this;
    }

    /** Monitoring. */
    public Builder monitoring(boolean monitoring) {
      this.monitoring = monitoring;
      return this;
    }

    /** Distributed learning with robust aggregation. */
    public Builder learning(boolean learning) {
      this.learning = learning;
      return this;
    }

    /** Switches {@code kinds} on, leaving the others as they are. */
    public Builder enable(EngineKind... kinds) {
      for (EngineKind kind : kinds) {
        switch (Objects.requireNonNull(kind, "kind")) {
          case CONSENSUS -> consensus = true;
          case MESSAGING -> messaging = true;
          case FAULT -> fault = true;
          case BALANCE -> balance = true;
          case SWARM -> swarm = true;
          case DIFFUSION -> diffusion = true;
          case PROPAGATION -> propagation = true;
          case REGION -> region = true;
          case MONITORING -> monitoring = true;
          case LEARNING -> learning = true;
        }
      }
      return this;
    }

    /** The config. */
    public EnginesConfig build() {
      return new EnginesConfig(
          consensus,
          messaging,
          fault,
          balance,
          swarm,
          diffusion,
          propagation,
          region,
          monitoring,
          learning);
    }
  }
}
