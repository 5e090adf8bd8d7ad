package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;

import java.util.Objects;

/**
 * The swarm engine ({@code swarmgrid.swarm}): the tick, the bound on agents, and the particle
 * swarms' collective decision to adopt their best.
 *
 * @param tickMillis the tick period, ms: every member steps its agents once per tick (keep it the
 *     same on every member), 1..60000
 * @param maxAgentsPerMember agents a member may own; adding one on a member that owns this many is
 *     refused, 1..10000000
 * @param psoStallSteps a particle whose personal best has not improved for this many steps counts
 *     as stalled (and votes to adopt the swarm's best), 1..100000
 * @param psoStallTicks ticks without a better global best before the swarm proposes to adopt it
 *     (and between two proposals), 1..1000000
 * @param psoDecisionSeconds deadline of an adoption proposal, s, 1..3600
 * @param pheromoneMaxKeys the most keys a pheromone trail may be created with on this member (a
 *     trail whose own bound is higher is refused when created), 1..10000000
 * @param colonyStagnationTicks ticks without a better tour before an ant colony's trail is reset,
 *     for colonies started without their own value, 1..1000000
 * @param colonyGlobalBestEvery an ant colony's best tour is deposited every this many ticks, for
 *     colonies started without their own value, 1..10000
 */
public record SwarmConfig(
    long tickMillis,
    int maxAgentsPerMember,
    int psoStallSteps,
    int psoStallTicks,
    int psoDecisionSeconds,
    int pheromoneMaxKeys,
    int colonyStagnationTicks,
    int colonyGlobalBestEvery) {

  /** The defaults of the bundled {@code swarmgrid-default.yaml}. */
  public static final SwarmConfig DEFAULTS =
      new SwarmConfig(100, 1_000_000, 10, 20, 10, 100_000, 100, 5);

  /** Validates every field. */
  public SwarmConfig {
    range("tick-millis", tickMillis, 1, 60_000);
    range("max-agents-per-member", maxAgentsPerMember, 1, 10_000_000);
    range("pso-stall-steps", psoStallSteps, 1, 100_000);
    range("pso-stall-ticks", psoStallTicks, 1, 1_000_000);
    range("pso-decision-seconds", psoDecisionSeconds, 1, 3600);
    range("pheromone-max-keys", pheromoneMaxKeys, 1, 10_000_000);
    range("colony-stagnation-ticks", colonyStagnationTicks, 1, 1_000_000);
    range("colony-global-best-every", colonyGlobalBestEvery, 1, 10_000);
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from {@code base}. */
  public static Builder from(SwarmConfig base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  /** The defaults (the same as {@link #DEFAULTS}). */
  public static SwarmConfig ofDefaults() {
    return DEFAULTS;
  }

  /** Builds a {@link SwarmConfig}; each setter rejects a bad value at once. */
  public static final class Builder {
    private static final String PATH = "swarmgrid.swarm";

    private long tickMillis;
    private int maxAgentsPerMember;
    private int psoStallSteps;
    private int psoStallTicks;
    private int psoDecisionSeconds;
    private int pheromoneMaxKeys;
    private int colonyStagnationTicks;
    private int colonyGlobalBestEvery;

    private Builder(SwarmConfig c) {
      tickMillis = c.tickMillis;
      maxAgentsPerMember = c.maxAgentsPerMember;
      psoStallSteps = c.psoStallSteps;
      psoStallTicks = c.psoStallTicks;
      psoDecisionSeconds = c.psoDecisionSeconds;
      pheromoneMaxKeys = c.pheromoneMaxKeys;
      colonyStagnationTicks = c.colonyStagnationTicks;
      colonyGlobalBestEvery = c.colonyGlobalBestEvery;
    }

    /** The tick period, ms, 1..60000. */
    public Builder tickMillis(long tickMillis) {
      this.tickMillis = range(PATH + ".tick-millis", tickMillis, 1, 60_000);
      return this;
    }

    /** Agents a member may own, 1..10000000. */
    public Builder maxAgentsPerMember(int maxAgentsPerMember) {
      this.maxAgentsPerMember =
          range(PATH + ".max-agents-per-member", maxAgentsPerMember, 1, 10_000_000);
      return this;
    }

    /** Steps without a better personal best after which a particle counts as stalled. */
    public Builder psoStallSteps(int psoStallSteps) {
      this.psoStallSteps = range(PATH + ".pso-stall-steps", psoStallSteps, 1, 100_000);
      return this;
    }

    /** Ticks without a better global best before an adoption proposal, 1..1000000. */
    public Builder psoStallTicks(int psoStallTicks) {
      this.psoStallTicks = range(PATH + ".pso-stall-ticks", psoStallTicks, 1, 1_000_000);
      return this;
    }

    /** Deadline of an adoption proposal, s, 1..3600. */
    public Builder psoDecisionSeconds(int psoDecisionSeconds) {
      this.psoDecisionSeconds = range(PATH + ".pso-decision-seconds", psoDecisionSeconds, 1, 3600);
      return this;
    }

    /** The most keys a pheromone trail may be created with on this member, 1..10000000. */
    public Builder pheromoneMaxKeys(int pheromoneMaxKeys) {
      this.pheromoneMaxKeys = range(PATH + ".pheromone-max-keys", pheromoneMaxKeys, 1, 10_000_000);
      return this;
    }

    /** Ticks without a better tour before a colony's trail is reset (its default), 1..1000000. */
    public Builder colonyStagnationTicks(int colonyStagnationTicks) {
      this.colonyStagnationTicks =
          range(PATH + ".colony-stagnation-ticks", colonyStagnationTicks, 1, 1_000_000);
      return this;
    }

    /** Ticks between deposits of a colony's best tour (its default), 1..10000. */
    public Builder colonyGlobalBestEvery(int colonyGlobalBestEvery) {
      this.colonyGlobalBestEvery =
          range(PATH + ".colony-global-best-every", colonyGlobalBestEvery, 1, 10_000);
      return this;
    }

    /** The config. */
    public SwarmConfig build() {
      try {
        return new SwarmConfig(
            tickMillis,
            maxAgentsPerMember,
            psoStallSteps,
            psoStallTicks,
            psoDecisionSeconds,
            pheromoneMaxKeys,
            colonyStagnationTicks,
            colonyGlobalBestEvery);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
    }
  }
}
